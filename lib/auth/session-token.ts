import "server-only";
import { cookies } from "next/headers";
import { decode, type JWT } from "next-auth/jwt";
import { auth } from "@/auth";
import { roles, type Role } from "@/db/schema/users";
import { env } from "@/lib/env";

/** Session cookie names Auth.js uses (https, then http); each is also the key-derivation salt. */
const cookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Decoded session tokens by their cookie value. A token's payload never changes, only its expiry matters. */
const decoded = new Map<string, JWT>();
const maxCached = 10_000;

/** What a session token says about its user; `role` and `centerId` are absent in tokens issued before they were added. */
export type SessionIdentity = { userId: string; sessionVersion: number | undefined; role?: Role; centerId?: string };

/**
 * The signed-in user's id, role and center and the session version it was issued at (current-staff.ts checks it
 * against the user's), from the session cookie. The token is decrypted once and then looked up
 * by its value (its expiry is checked on every call), instead of `auth()` running Auth.js's whole
 * session endpoint per request (CSRF token, decryption, re-encryption of a token nobody receives):
 * that was a fifth of a station request's CPU. Whether the account may still act is read fresh from
 * the database by the caller (current-staff.ts), as before.
 */
export async function sessionIdentity(): Promise<SessionIdentity | null> {
  const secret = env.AUTH_SECRET;
  const jar = await cookies();
  const name = cookieNames.find((n) => jar.has(n));
  if (!secret || !name) {
    // No plain session cookie (none at all, or chunked): let Auth.js decide.
    const session = await auth();
    const userId = session?.user?.id;
    return userId ? { userId, sessionVersion: (session.user as { sessionVersion?: number }).sessionVersion } : null;
  }
  const token = jar.get(name)!.value;
  let payload = decoded.get(token);
  if (!payload) {
    payload = (await decode({ token, secret, salt: name }).catch(() => null)) ?? undefined;
    if (!payload) return null;
    if (decoded.size >= maxCached) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, payload);
  }
  if (typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) {
    decoded.delete(token);
    return null;
  }
  if (typeof payload.uid !== "string") return null;
  return {
    userId: payload.uid,
    sessionVersion: typeof payload.sv === "number" ? payload.sv : undefined,
    role: roles.includes(payload.role as Role) ? (payload.role as Role) : undefined,
    centerId: typeof payload.cid === "string" ? payload.cid : undefined,
  };
}

import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { badgeLoginSchema, passwordLoginSchema, verifyBadgeLogin, verifyPasswordLogin } from "@/lib/auth/verify-login";
import { isDomainError } from "@/lib/errors/domain-error";
import { authConfig } from "./auth.config";

class LockedSignin extends CredentialsSignin {
  code = "locked";
}
class InvalidSignin extends CredentialsSignin {
  code = "invalid";
}

/** Turns our verification result into what Auth.js expects: a user, or a typed sign-in error. */
async function authorizeWith<T>(
  parse: () => T | undefined,
  verify: (input: T) => Promise<{ id: string; name: string; sessionVersion: number; role: string; centerId: string }>,
) {
  const input = parse();
  if (!input) throw new InvalidSignin();
  try {
    const user = await verify(input);
    // The role and center ride in the signed session token (auth.config.ts): a station write checks them
    // there, and confirms in its own transaction only that the session version is still the user's.
    return { id: user.id, name: user.name, sessionVersion: user.sessionVersion, role: user.role, centerId: user.centerId };
  } catch (error) {
    if (isDomainError(error) && error.kind === "locked") throw new LockedSignin();
    if (isDomainError(error)) throw new CredentialsSignin();
    throw error;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      authorize: (credentials) =>
        authorizeWith(
          () => passwordLoginSchema.safeParse(credentials).data,
          async (input) => verifyPasswordLogin(await getDb(), input),
        ),
    }),
    Credentials({
      id: "badge",
      credentials: { badge: {}, pin: {} },
      authorize: (credentials) =>
        authorizeWith(
          () => badgeLoginSchema.safeParse(credentials).data,
          async (input) => verifyBadgeLogin(await getDb(), input),
        ),
    }),
  ],
});

import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Center, Role, User } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { pageEntry, type PageHref } from "@/lib/navigation";
import type { SessionClaims } from "./session-check";
import { sessionIdentity } from "./session-token";
import { sessionIsCurrent } from "./session-version";
import { staffById } from "./staff-by-id";
import { hasRole, type StaffContext } from "./staff-context";

/** The signed-in staff member as a request uses them (lib/auth/staff-by-id.ts reads just these columns). */
export type CurrentStaff = {
  user: Pick<User, "id" | "name" | "role" | "locale">;
  center: Pick<Center, "id" | "code" | "name" | "timezone" | "currency">;
  ctx: StaffContext;
};

/**
 * The signed-in staff member, read fresh from the database once per request, so a deactivated
 * account, a changed role or an ended session (session version bumped: sign-out, PIN or password
 * reset, role change) takes effect at once rather than when the session cookie expires.
 */
export const currentStaff = cache(async (): Promise<CurrentStaff | null> => {
  const identity = await sessionIdentity();
  if (!identity) return null;
  const { userId } = identity;
  const row = await staffById(await getDb(), userId);
  if (!row || !row.users.active) return null;
  if (!sessionIsCurrent(row.users, identity.sessionVersion)) return null;
  return {
    user: row.users,
    center: row.centers,
    ctx: { userId: row.users.id, centerId: row.centers.id, role: row.users.role },
  };
});

/** For pages: sends a visitor to sign in, and a role that may not see the page to the home page. */
export async function requireStaffPage(roles?: readonly Role[]): Promise<CurrentStaff> {
  const staff = await currentStaff();
  if (!staff) redirect("/login");
  if (roles && !hasRole(staff.user.role, roles)) redirect("/?denied=1");
  return staff;
}

/**
 * For pages: the access the page table (lib/navigation.ts) declares for `href` — a visitor is sent to
 * sign in, a role that may not open it to the home page.
 */
export async function requirePageAccess(href: PageHref): Promise<CurrentStaff> {
  const { roles } = pageEntry(href);
  if (roles === "public") throw new Error(`${href} is public: call publicPage("${href}") instead.`);
  return requireStaffPage(roles === "any-staff" ? undefined : roles);
}

/** Declares a page public on purpose (anyone may read it); the page table must say so too. */
export function publicPage(href: PageHref): void {
  if (pageEntry(href).roles !== "public") throw new Error(`${href} is not public in lib/navigation.ts: call requirePageAccess.`);
}

/**
 * For a station write whose session is confirmed in its scan transaction (staffRoute's `scan` and
 * `scanInDomain` routes; lib/auth/session-check.ts): the signed token's role is checked here
 * (401 without a session, 403 for a role that may not), the rest is left to the write's own
 * transaction. A token issued before tokens carried the role and center is checked now, by the read.
 */
export async function staffForWrite(roles?: readonly Role[]): Promise<{ ctx: StaffContext; claims?: SessionClaims }> {
  const identity = await sessionIdentity();
  if (!identity) throw new DomainError("unauthorized", "Sign in first.");
  const { userId, sessionVersion, role, centerId } = identity;
  if (typeof sessionVersion !== "number" || !role || !centerId) return { ctx: (await requireStaff(roles)).ctx };
  if (roles && !hasRole(role, roles)) throw new DomainError("forbidden:role", "Your role may not do this.");
  return { ctx: { userId, centerId, role }, claims: { userId, sessionVersion, role, centerId } };
}

/** For route handlers and server actions: throws a DomainError the caller maps to 401/403. */
export async function requireStaff(roles?: readonly Role[]): Promise<CurrentStaff> {
  const staff = await currentStaff();
  if (!staff) throw new DomainError("unauthorized", "Sign in first.");
  if (roles && !hasRole(staff.user.role, roles)) {
    throw new DomainError("forbidden:role", "Your role may not do this.");
  }
  return staff;
}

import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users, type User } from "@/db/schema";

/**
 * Ends every session of a user (on every device) at their next request: call it in the same
 * transaction as a sign-out, a PIN or password reset, a role change or a deactivation.
 */
export async function bumpSessionVersion(tx: Queryable, userId: string): Promise<number> {
  const [row] = await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? 0;
}

/** A session is valid only while it carries the user's current session version. */
export function sessionIsCurrent(user: Pick<User, "sessionVersion">, sessionVersion: number | undefined): boolean {
  return typeof sessionVersion === "number" && sessionVersion === user.sessionVersion;
}

import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { users } from "@/db/schema";
import type { Role } from "@/db/schema/users";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * What a signed session token says about its user: valid only while `sessionVersion` is still the
 * user's, which every sign-out, credential reset, role change, move to another center and
 * deactivation bumps (lib/admin/session-reset.ts). The role and center are checked against the
 * row too, so a row changed without a bump is refused as well.
 */
export type SessionClaims = { userId: string; sessionVersion: number; role: Role; centerId: string };

/** A session's claims still to be confirmed against the users row, once, by this request. */
export type PendingSessionCheck = { readonly claims: SessionClaims; state: "pending" | "confirmed" | "refused" };

const pendingChecks = new AsyncLocalStorage<PendingSessionCheck>();

/** The refusal of a session that no longer holds, the same as having none. */
const sessionEnded = () => new DomainError("unauthorized", "Sign in first.");

/**
 * The users row still says what the session claims (active, same session version, role and
 * center), with the claims as placeholders `userId`, `sessionVersion`, `role`, `centerId`.
 */
export const stillSignedIn = () =>
  and(
    eq(users.id, sql.placeholder("userId")),
    eq(users.active, true),
    eq(users.sessionVersion, sql.placeholder("sessionVersion")),
    eq(users.role, sql.placeholder("role")),
    eq(users.centerId, sql.placeholder("centerId")),
  );

const confirmSession = reusableQuery((q) => q.select({ id: users.id }).from(users).where(stillSignedIn()));

/** The check on a connection of its own: one statement, selecting the user's id only. */
async function sessionHolds(q: Queryable, claims: SessionClaims): Promise<boolean> {
  const rows = await confirmSession(q, claims);
  return rows.length === 1;
}

/**
 * Runs a station write whose session is confirmed inside its own scan transaction: withScanId
 * (lib/scans/with-scan-id.ts) finds the pending check and claims the scan id only if the users row
 * still holds (one statement, sent with BEGIN: no statement, round trip or connection of its own).
 * Should the work end without that (it failed before its transaction, or never opened one), the
 * check runs here on its own connection before anything is answered, and a refusal wins over
 * whatever the work answered, so the refusals come in the same order as with the check done first.
 * The work must write nothing outside withScanId's transaction.
 */
export async function withSessionCheckedInScan<T>(q: Queryable, claims: SessionClaims, work: () => Promise<T>): Promise<T> {
  const check: PendingSessionCheck = { claims, state: "pending" };
  let result: T;
  try {
    result = await pendingChecks.run(check, work);
  } catch (error) {
    await settle(q, check);
    throw error;
  }
  await settle(q, check);
  return result;
}

/**
 * Confirms a pending check or refuses it (401): `held` when the caller already knows the users row
 * holds (withScanId's claim came back), otherwise the row is read.
 */
export async function settle(q: Queryable, check: PendingSessionCheck, held = false): Promise<void> {
  if (check.state === "confirmed") return;
  if (check.state === "refused" || !(held || (await sessionHolds(q, check.claims)))) {
    check.state = "refused";
    throw sessionEnded();
  }
  check.state = "confirmed";
}

/** For withScanId: this request's session check, if it is still to be done and is for `userId`. */
export function pendingSessionCheck(userId: string): PendingSessionCheck | undefined {
  const check = pendingChecks.getStore();
  return check && check.state === "pending" && check.claims.userId === userId ? check : undefined;
}

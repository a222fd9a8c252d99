import { and, eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { inspections, items } from "@/db/schema";

/**
 * Open claims of the center made before `claimedBefore`: timed out, not yet released by the sweep
 * (lib/inspection/sweep-expired-claims.ts). One range of inspections_center_status_idx (center,
 * status, claimed_at); `open` a literal, so a generic plan knows it too.
 */
const timedOut = (centerId: string, claimedBefore: Date) =>
  and(eq(inspections.centerId, centerId), sql`${inspections.status} = 'open'`, lt(inspections.claimedAt, claimedBefore));

/**
 * How many claims have timed out: read from the index alone. Their items need no reading: an open
 * inspection's item is always in inspection (one of the invariants, lib/invariants), and a join to
 * the items let the planner choose a hash join over a scan of them (a parallel plan of 140–240 ms
 * on the bench's data, from a stale estimate of 42k timed-out claims where there were none).
 */
export function countTimedOutClaims(q: Queryable, centerId: string, claimedBefore: Date) {
  return q.select({ n: sql<number>`count(*)::int` }).from(inspections).where(timedOut(centerId, claimedBefore));
}

/**
 * How many timed-out claims are of units received before `receivedBefore` (the overdue ones). Each
 * claim's item is read by its primary key in a subquery: PostgreSQL runs it once per timed-out claim
 * and cannot turn it into a join over the items, whatever it estimates.
 */
export function countTimedOutClaimsReceivedBefore(q: Queryable, centerId: string, claimedBefore: Date, receivedBefore: Date) {
  const received = sql`(select coalesce(${items.receivedAt}, ${items.createdAt}) from ${items} where ${items.id} = ${inspections.itemId})`;
  return q
    .select({ n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(and(timedOut(centerId, claimedBefore), sql`${received} < ${receivedBefore.toISOString()}::timestamptz`));
}

/** The items of every timed-out claim, however old the claim (the queue lists them in its own order). */
export async function timedOutClaimItemIds(q: Queryable, centerId: string, claimedBefore: Date): Promise<string[]> {
  const rows = await q.select({ itemId: inspections.itemId }).from(inspections).where(timedOut(centerId, claimedBefore));
  return rows.map((r) => r.itemId);
}

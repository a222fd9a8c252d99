import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/result-rows";
import { items } from "@/db/schema";
import { queueCounts } from "@/lib/desk/queue-counts";
import { countTimedOutClaimsReceivedBefore } from "./timed-out-claims";

/**
 * How many units waiting for inspection are past the center's deadline (received more than
 * `deadlineHours` before `now`), all of them and not only the page the queue lists: the received
 * units that entered before the cutoff (the desk's queue rollups, lib/desk/queue-counts.ts), less
 * the received ones flagged for return (`items_received_for_return_idx`: few), plus the units whose
 * claim timed out before the sweep released it (countTimedOutClaimsReceivedBefore: few, each item read
 * by its key). As countWaiting, bounded however long the queue.
 */
export async function countOverdue(q: Queryable, centerId: string, now: Date, deadlineHours: number, claimedBefore: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - deadlineHours * 3600_000);
  const receivedCounts = queueCounts(centerId, "receivedToVerdict", cutoff, ["received"]);
  const receivedSince = sql`coalesce(${items.receivedAt}, ${items.createdAt})`;
  const [received, forReturn, lapsed] = await Promise.all([
    q.execute(sql`select ${receivedCounts.count} - (${receivedCounts.notBreached}) as n`),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(items)
      .where(and(eq(items.centerId, centerId), sql`${items.state} = 'received' and ${items.returnToSeller}`, sql`${receivedSince} < ${cutoff.toISOString()}::timestamptz`)),
    countTimedOutClaimsReceivedBefore(q, centerId, claimedBefore, cutoff),
  ]);
  return Number(rowsOf(received)[0]?.n ?? 0) - Number(forReturn[0]?.n ?? 0) + Number(lapsed[0]?.n ?? 0);
}

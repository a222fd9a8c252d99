import { and, eq, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/result-rows";
import { inspections, items } from "@/db/schema";

/**
 * How many units wait for inspection in all (the queue lists a page of them): the center's received
 * units, read from the desk's rollups (exact: folded counts plus the deltas not yet folded), less the
 * received ones flagged for return (`items_received_for_return_idx`, a partial index: few), plus the
 * units whose claim timed out before the sweep released it (`inspections_center_status_idx`). Three
 * short reads however long the queue is.
 */
export async function countWaiting(q: Queryable, centerId: string, claimedBefore: Date): Promise<number> {
  const [received, forReturn, lapsed] = await Promise.all([
    q.execute(sql`select coalesce(sum(n), 0)::int as n from rollup_current where center_id = ${centerId}::uuid and figure = 'items_in_state' and label = 'received'`),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(items)
      .where(and(eq(items.centerId, centerId), sql`${items.state} = 'received' and ${items.returnToSeller}`)),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(inspections)
      .innerJoin(items, eq(items.id, inspections.itemId))
      .where(and(eq(inspections.centerId, centerId), eq(inspections.status, "open"), lt(inspections.claimedAt, claimedBefore), eq(items.state, "in_inspection"))),
  ]);
  return Number(rowsOf(received)[0]?.n ?? 0) - Number(forReturn[0]?.n ?? 0) + Number(lapsed[0]?.n ?? 0);
}

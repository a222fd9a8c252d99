import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/result-rows";
import { items } from "@/db/schema";
import { countTimedOutClaims } from "./timed-out-claims";

/**
 * How many units wait for inspection in all (the queue lists a page of them): the center's received
 * units, read from the desk's rollups (exact: folded counts plus the deltas not yet folded), less the
 * received ones flagged for return (`items_received_for_return_idx`, a partial index: few), plus the
 * units whose claim timed out before the sweep released it (countTimedOutClaims: the index alone). Three
 * short reads however long the queue is.
 */
export async function countWaiting(q: Queryable, centerId: string, claimedBefore: Date): Promise<number> {
  const [received, forReturn, lapsed] = await Promise.all([
    q.execute(sql`select coalesce(sum(n), 0)::int as n from rollup_current where center_id = ${centerId}::uuid and figure = 'items_in_state' and label = 'received'`),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(items)
      .where(and(eq(items.centerId, centerId), sql`${items.state} = 'received' and ${items.returnToSeller}`)),
    countTimedOutClaims(q, centerId, claimedBefore),
  ]);
  return Number(rowsOf(received)[0]?.n ?? 0) - Number(forReturn[0]?.n ?? 0) + Number(lapsed[0]?.n ?? 0);
}

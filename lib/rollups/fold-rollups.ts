import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/result-rows";

/**
 * Why insert-only deltas and not counters updated in place: 300 stations move the same center's
 * counts at once; one counter row per (center, state) would make every transition of the center
 * wait for the one before it, and a transaction moving two counters (one state down, another up)
 * in a different order than its neighbour could deadlock. Sharded counters narrow that but do not
 * remove it. An inserted delta row conflicts with nothing, so writers never wait and never
 * deadlock; the price is this fold, and readers summing the folded counts with the few deltas
 * written since the last fold (the `rollup_current` view).
 *
 * `rollup_fold` (db/migrations-extra/rollups.sql) deletes a batch of deltas and adds their sums to
 * `rollup_counts` in one transaction, so a reader sees the deltas either still as deltas or
 * already folded, never both or neither. One folder at a time (an advisory lock; another caller
 * returns 0 at once). Returns how many deltas were folded.
 */
export async function foldRollups(db: Queryable, options: { batchSize?: number; maxBatches?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 50_000;
  let folded = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch++) {
    const [row] = rowsOf(await db.execute(sql`select rollup_fold(${batchSize}::int)::int as moved`));
    const moved = Number(row?.moved ?? 0);
    folded += moved;
    if (moved < batchSize) break;
  }
  return folded;
}

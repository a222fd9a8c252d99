import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { centers } from "@/db/schema";
import { EXPIRED_CLAIMS_BATCH, releaseExpiredClaims, type ReleaseResult } from "./claims";
import { settingsWithFallback } from "./inspection-settings";

/**
 * The periodic sweep of timed-out inspection claims: one batch per center (releaseExpiredClaims).
 * Run by the app's fold loop and the relay loop (lib/rollups/fold-loop.ts), so reading the queue only
 * reads; between sweeps the queue shows a timed-out claim's item as waiting and anyone may claim it
 * (listInspectionQueue, claimItem). Sweeps running at once take disjoint claims.
 *
 * One statement first finds the centers whose oldest open claim has timed out (an index probe per
 * center), so a sweep with nothing to release costs that statement alone. `limit` bounds the
 * releases of the whole sweep (the periodic upkeep keeps each tick small); `perCenter` each
 * center's batch.
 */
export async function sweepExpiredClaims(
  db: Db,
  now: Date = new Date(),
  opts: { perCenter?: number; limit?: number } = {},
): Promise<ReleaseResult[]> {
  const released: ReleaseResult[] = [];
  let left = opts.limit ?? Infinity;
  for (const center of await oldestOpenClaims(db)) {
    if (left <= 0) break;
    if (center.oldest === null || !timedOut(center.oldest, center.settings, now)) continue;
    const batch = Math.min(opts.perCenter ?? EXPIRED_CLAIMS_BATCH, left);
    const done = await releaseExpiredClaims(db, center.id, now, { batch });
    released.push(...done);
    left -= done.length;
  }
  return released;
}

/** Every center with its settings and the time (ms) of its oldest open claim, from inspections_center_status_idx. */
function oldestOpenClaims(db: Db) {
  // Qualified by hand: Drizzle leaves a single-table select's columns unqualified, and inside this
  // subquery "id" would be the inspection's.
  const oldest = sql<number | null>`(select (extract(epoch from i.claimed_at) * 1000)::float8 from inspections i
    where i.center_id = "centers"."id" and i.status = 'open' order by i.claimed_at limit 1)`;
  return db.select({ id: centers.id, settings: centers.settings, oldest: oldest.mapWith(Number) }).from(centers);
}

function timedOut(oldestMs: number, stored: Parameters<typeof settingsWithFallback>[0], now: Date): boolean {
  return oldestMs < now.getTime() - settingsWithFallback(stored).claimTimeoutMinutes * 60_000;
}

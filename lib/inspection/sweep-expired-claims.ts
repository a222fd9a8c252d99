import type { Db } from "@/db/client";
import { centers } from "@/db/schema";
import { releaseExpiredClaims, type ReleaseResult } from "./claims";

/**
 * The periodic sweep of timed-out inspection claims: one batch per center (releaseExpiredClaims).
 * Run by the app's fold loop and the relay loop (every ten seconds), so reading the queue only reads;
 * between sweeps the queue shows a timed-out claim's item as waiting and anyone may claim it
 * (listInspectionQueue, claimItem). Sweeps running at once take disjoint claims.
 */
export async function sweepExpiredClaims(db: Db, now: Date = new Date()): Promise<ReleaseResult[]> {
  const released: ReleaseResult[] = [];
  for (const { id } of await db.select({ id: centers.id }).from(centers)) {
    released.push(...(await releaseExpiredClaims(db, id, now)));
  }
  return released;
}

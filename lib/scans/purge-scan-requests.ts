import { asc, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scanRequests } from "@/db/schema";

/**
 * How long a scan id's first answer is kept. A station retries within seconds; an offline tablet
 * replays its queue within hours. A week covers both with room to spare.
 */
export const scanAnswerRetentionMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Deletes remembered scan answers older than the retention, oldest first, `batchSize` rows per
 * statement (short transactions, no long lock on a busy table). Several relay processes may run it
 * at once: each batch skips rows another one has locked. Returns how many rows were deleted.
 */
export async function purgeScanRequests(
  db: Db,
  options: { now: Date; retentionMs?: number; batchSize?: number; maxBatches?: number },
): Promise<number> {
  const cutoff = new Date(options.now.getTime() - (options.retentionMs ?? scanAnswerRetentionMs));
  const batchSize = options.batchSize ?? 1000;
  let deleted = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch++) {
    const oldest = db
      .select({ scanId: scanRequests.scanId })
      .from(scanRequests)
      .where(lt(scanRequests.createdAt, cutoff))
      .orderBy(asc(scanRequests.createdAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    const rows = await db.delete(scanRequests).where(inArray(scanRequests.scanId, oldest)).returning({ scanId: scanRequests.scanId });
    deleted += rows.length;
    if (rows.length < batchSize) break;
  }
  return deleted;
}

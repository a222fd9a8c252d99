import type { Db } from "@/db/client";
import { listInspectionQueue, type InspectionQueueEntry } from "./list-inspection-queue";
import { listOpenClaims, releaseExpiredClaims, type ReleaseResult } from "./claims";

export type InspectionQueueRead = {
  waiting: InspectionQueueEntry[];
  claims: Awaited<ReturnType<typeof listOpenClaims>>;
  /** Claims this read found timed out and put back in the queue. */
  released: ReleaseResult[];
};

/**
 * What the inspector's queue shows. Reading it first releases the center's timed-out claims: the
 * queue is read often (every open queue screen refreshes), the sweep is one indexed query when
 * nothing has expired, and it needs no timer process; the state stays in PostgreSQL and
 * concurrent reads from several instances release each claim once (re-checked under its locks).
 */
export async function readInspectionQueue(db: Db, centerId: string, opts: { limit?: number; now?: Date } = {}): Promise<InspectionQueueRead> {
  const now = opts.now ?? new Date();
  let released: ReleaseResult[] = [];
  try {
    released = await releaseExpiredClaims(db, centerId, now);
  } catch (error) {
    // The listing matters more than the sweep; the next read tries again.
    console.warn("inspection queue: releasing expired claims failed", error);
  }
  const [waiting, claims] = await Promise.all([listInspectionQueue(db, centerId, { limit: opts.limit, now }), listOpenClaims(db, centerId)]);
  return { waiting, claims, released };
}

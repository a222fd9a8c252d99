import type { Db } from "@/db/client";
import { listInspectionQueue, type InspectionQueueEntry } from "./list-inspection-queue";
import { releaseExpiredClaims, type ReleaseResult } from "./claims";
import { readOpenClaimsPage, type OpenClaimsPage } from "./open-claims-page";

export type InspectionQueueRead = {
  waiting: InspectionQueueEntry[];
  /** The oldest open claims and the viewer's own (see readOpenClaimsPage), and how many are open in all. */
  claims: OpenClaimsPage["claims"];
  claimsTotal: number;
  /** Claims this read found timed out and put back in the queue. */
  released: ReleaseResult[];
};

/**
 * What the inspector's queue shows. Reading it first releases the center's timed-out claims: the
 * queue is read often (every open queue screen refreshes), the sweep is one indexed query when
 * nothing has expired, and it needs no timer process. Each read releases at most one batch (the
 * oldest; EXPIRED_CLAIMS_BATCH), so it answers quickly even when thousands lapsed at once, and the
 * following reads release the rest; concurrent reads from several instances skip the items another
 * holds and release each claim once (re-checked under its locks).
 */
export async function readInspectionQueue(db: Db, centerId: string, opts: { limit?: number; now?: Date; viewerId?: string } = {}): Promise<InspectionQueueRead> {
  const now = opts.now ?? new Date();
  let released: ReleaseResult[] = [];
  try {
    released = await releaseExpiredClaims(db, centerId, now);
  } catch (error) {
    // The listing matters more than the sweep; the next read tries again.
    console.warn("inspection queue: releasing expired claims failed", error);
  }
  const [waiting, claims] = await Promise.all([listInspectionQueue(db, centerId, { limit: opts.limit, now }), readOpenClaimsPage(db, centerId, { viewerId: opts.viewerId })]);
  return { waiting, claims: claims.claims, claimsTotal: claims.total, released };
}

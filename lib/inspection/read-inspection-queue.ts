import type { Db } from "@/db/client";
import { countOverdue } from "./count-overdue";
import { countWaiting } from "./count-waiting";
import { claimCutoff, listInspectionQueue, type InspectionQueueEntry } from "./list-inspection-queue";
import { loadCenterSettings } from "./inspection-settings";
import { readOpenClaimsPage, type OpenClaimsPage } from "./open-claims-page";

export type InspectionQueueRead = {
  /** The first `limit` units waiting, in the order to take them. */
  waiting: InspectionQueueEntry[];
  /** How many wait in all (countWaiting). */
  waitingTotal: number;
  /** How many of them are past the deadline in all (countOverdue). */
  overdueTotal: number;
  /** The oldest live claims and the viewer's own (see readOpenClaimsPage), and how many are live in all. */
  claims: OpenClaimsPage["claims"];
  claimsTotal: number;
};

/**
 * What the inspector's queue shows; it only reads. Timed-out claims are released by the periodic
 * sweep (lib/inspection/sweep-expired-claims.ts, run by the app's fold loop and the relay); until
 * then the queue reads them as free: their items wait in the list (anyone may claim them) and they
 * are not among the claims.
 */
export async function readInspectionQueue(db: Db, centerId: string, opts: { limit?: number; now?: Date; viewerId?: string } = {}): Promise<InspectionQueueRead> {
  const now = opts.now ?? new Date();
  const settings = await loadCenterSettings(db, centerId);
  const claimedSince = claimCutoff(settings, now);
  const [waiting, waitingTotal, overdueTotal, claims] = await Promise.all([
    listInspectionQueue(db, centerId, { limit: opts.limit, now }),
    countWaiting(db, centerId, claimedSince),
    countOverdue(db, centerId, now, settings.inspectionDeadlineHours, claimedSince),
    readOpenClaimsPage(db, centerId, { viewerId: opts.viewerId, claimedSince }),
  ]);
  return { waiting, waitingTotal, overdueTotal, claims: claims.claims, claimsTotal: claims.total };
}

import type { InspectionQueueEntry } from "@/lib/inspection/list-inspection-queue";

/** A received item waiting for inspection, as the browser gets it. */
export type QueueRow = {
  itemId: string;
  itemCode: string | null;
  type: string;
  sku: string;
  productName: string;
  productNameKo: string | null;
  productNameEn: string | null;
  brand: string | null;
  category: string;
  size: string;
  price: number;
  waitingMinutes: number;
  deadlineAt: string;
  overdue: boolean;
  /** Within the last 4 hours before the deadline. */
  dueSoon: boolean;
};

/** An item being inspected (an open claim). */
export type ClaimRow = {
  inspectionId: string;
  itemId: string;
  itemCode: string | null;
  productName: string;
  productNameKo: string | null;
  productNameEn: string | null;
  inspectorId: string;
  inspectorName: string;
  claimedAt: string;
};

/**
 * `waiting` is a page (the first in queue order), `waitingTotal` counts every unit waiting and
 * `overdueTotal` every one past its deadline; `claims` is
 * a page (the oldest open claims and the viewer's own), `claimsTotal` counts every open claim.
 */
export type QueueData = { waiting: QueueRow[]; waitingTotal: number; overdueTotal: number; claims: ClaimRow[]; claimsTotal: number };

const dueSoonMs = 4 * 3_600_000;

export function toQueueData(
  read: { waiting: InspectionQueueEntry[]; waitingTotal: number; overdueTotal: number; claims: Array<Omit<ClaimRow, "claimedAt"> & { claimedAt: Date }>; claimsTotal: number },
  now: Date = new Date(),
): QueueData {
  const { waiting, claims, claimsTotal, waitingTotal, overdueTotal } = read;
  return {
    waitingTotal,
    overdueTotal,
    waiting: waiting.map((e) => ({
      itemId: e.itemId,
      itemCode: e.code,
      type: e.type,
      sku: e.sku,
      productName: e.productName,
      productNameKo: e.productNameKo,
      productNameEn: e.productNameEn,
      brand: e.brand,
      category: e.category,
      size: e.size,
      price: e.price,
      waitingMinutes: e.waitingMinutes,
      deadlineAt: e.deadlineAt,
      overdue: e.overdue,
      dueSoon: !e.overdue && new Date(e.deadlineAt).getTime() - now.getTime() < dueSoonMs,
    })),
    claims: claims.map((c) => ({ ...c, claimedAt: c.claimedAt.toISOString() })),
    claimsTotal,
  };
}

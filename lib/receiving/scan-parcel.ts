import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { inboundOrders, parcels, type Parcel } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { classifyScan, invalidScanError } from "@/lib/scan-codes/classify";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { parseInput, requireReceiver, scanIdSchema } from "./guards";
import { linkParcelToOrder } from "./link-parcel";
import { findParcelDetail, type ParcelDetail } from "./views";
import { announcedOrdersOnly } from "./placeholder-order";

export const scanParcelSchema = z.object({
  scanId: scanIdSchema,
  trackingNumber: z.string().trim().min(1, "Scan the parcel's tracking number.").max(100),
});

export type ParcelScanAnswer = ParcelDetail & {
  /**
   * matched: new parcel, order(s) found; unmatched: new parcel, no order (goes to the unmatched
   * queue); already_scanned: this parcel was scanned in before, nothing recorded again;
   * now_matched: an unmatched parcel scanned again whose order has been announced since.
   */
  outcome: "matched" | "unmatched" | "already_scanned" | "now_matched";
  message: string;
};

/**
 * A parcel's tracking number is scanned at the receiving station: records the parcel once per
 * center (unique index on center + tracking number) and finds the announced orders for it.
 */
export async function scanParcel(
  db: Db,
  ctx: StaffContext,
  input: z.input<typeof scanParcelSchema>,
): Promise<ScanOutcome<ParcelScanAnswer>> {
  requireReceiver(ctx);
  const data = parseInput(scanParcelSchema, input);
  const scan = classifyScan(data.trackingNumber);
  if (scan.kind === "invalid") throw invalidScanError(scan);
  if (scan.kind !== "tracking") {
    throw new DomainError("validation:scan", `That is ${article(scan.kind)} code, not a parcel's tracking number. Scan the parcel label.`, {
      reason: "wrong_kind",
      kind: scan.kind,
      code: data.trackingNumber,
    });
  }
  const trackingNumber = scan.trackingNumber;
  // Orders may have been announced with the tracking number as printed (hyphens, lower case).
  const candidates = [...new Set([data.trackingNumber, data.trackingNumber.toUpperCase(), trackingNumber])];

  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "receiving.parcel" }, async (tx) => {
    const existing = await findByTracking(tx, ctx.centerId, trackingNumber);
    if (existing) return rescan(tx, ctx, existing, candidates);

    const orders = await announcedOrders(tx, ctx.centerId, candidates);
    const [parcel] = await tx
      .insert(parcels)
      .values({
        centerId: ctx.centerId,
        trackingNumber,
        orderId: orders[0]?.id ?? null,
        status: orders.length > 0 ? "received" : "unmatched",
        receivedBy: ctx.userId,
        station: ctx.station ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!parcel) {
      // Another station recorded the same parcel a moment ago.
      const raced = await findByTracking(tx, ctx.centerId, trackingNumber);
      if (!raced) throw new Error("parcel insert conflicted but no parcel found");
      return rescan(tx, ctx, raced, candidates);
    }
    const detail = await detailOf(tx, ctx, parcel);
    if (parcel.status === "unmatched") {
      return {
        ...detail,
        outcome: "unmatched",
        message: `No announced order for parcel ${trackingNumber}. Look the order up by seller or order number, or photograph the parcel and leave it for a manager (unmatched queue).`,
      };
    }
    const units = detail.orders.reduce((n, o) => n + o.counts.toReceive, 0);
    const names = detail.orders.map((o) => o.externalId).join(", ");
    return {
      ...detail,
      outcome: "matched",
      message: `Parcel ${trackingNumber}: order ${names}, ${units} unit${units === 1 ? "" : "s"} to receive. Confirm each unit in the box.`,
    };
  });
}

async function rescan(tx: Tx, ctx: StaffContext, parcel: Parcel, candidates: string[]): Promise<ParcelScanAnswer> {
  if (parcel.status === "unmatched") {
    const orders = await announcedOrders(tx, ctx.centerId, candidates);
    if (orders.length > 0) {
      const linked = await linkParcelToOrder(tx, ctx, parcel, orders[0], "rescan");
      return {
        ...(await detailOf(tx, ctx, linked)),
        outcome: "now_matched",
        message: `Parcel ${parcel.trackingNumber} was unmatched; its order ${orders[0].externalId} has been announced since. It is now matched: confirm the units.`,
      };
    }
  }
  const state =
    parcel.status === "unmatched"
      ? "It is waiting in the unmatched queue."
      : parcel.status === "resolved"
        ? "A manager resolved it as return to sender."
        : "Carry on confirming its units.";
  return {
    ...(await detailOf(tx, ctx, parcel)),
    outcome: "already_scanned",
    message: `Parcel ${parcel.trackingNumber} was already scanned in${parcel.station ? ` at ${parcel.station}` : ""}; nothing was recorded again. ${state}`,
  };
}

async function findByTracking(tx: Tx, centerId: string, trackingNumber: string): Promise<Parcel | undefined> {
  const [parcel] = await tx
    .select()
    .from(parcels)
    .where(and(eq(parcels.centerId, centerId), eq(parcels.trackingNumber, trackingNumber)));
  return parcel;
}

async function announcedOrders(tx: Tx, centerId: string, candidates: string[]) {
  return tx
    .select()
    .from(inboundOrders)
    .where(
      and(
        eq(inboundOrders.centerId, centerId),
        inArray(inboundOrders.trackingNumber, candidates),
        announcedOrdersOnly,
      ),
    )
    .orderBy(asc(inboundOrders.createdAt), asc(inboundOrders.id));
}

async function detailOf(tx: Tx, ctx: StaffContext, parcel: Parcel): Promise<ParcelDetail> {
  const detail = await findParcelDetail(tx, ctx.centerId, parcel.id);
  if (!detail) throw new Error("parcel vanished");
  return detail;
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/**
 * Whether a scanned tracking number means something already: a parcel scanned in before, or an
 * announced order expecting it. The station asks before it opens an unmatched-parcel entry for
 * a number that means nothing (a mis-scan of some other barcode is common).
 */
export async function isKnownParcel(db: Db, centerId: string, rawTrackingNumber: string, trackingNumber: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (await findByTracking(tx, centerId, trackingNumber)) return true;
    const candidates = [...new Set([rawTrackingNumber, rawTrackingNumber.toUpperCase(), trackingNumber])];
    return (await announcedOrders(tx, centerId, candidates)).length > 0;
  });
}

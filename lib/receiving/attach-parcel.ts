import { z } from "zod";
import type { Db } from "@/db/client";
import { parcels } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { parseInput, requireReceiver, scanIdSchema } from "./guards";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { linkParcelToOrder } from "./link-parcel";
import { findParcel, findParcelDetail, type ParcelDetail } from "./views";
import { findAnnouncedOrder } from "./placeholder-order";

export const attachParcelSchema = z.object({
  scanId: scanIdSchema,
  orderId: z.uuid(),
  /** The unmatched parcel to link; omit it for a parcel with no tracking label at all. */
  parcelId: z.uuid().optional(),
});

export type AttachParcelAnswer = ParcelDetail & { outcome: "linked" | "already_linked"; message: string };

/**
 * Placeholder tracking number of a parcel that arrived with no carrier label: `NOLABEL` + 10
 * characters, already in normalised form (no hyphen) so it can be typed in again to find it.
 */
export const noLabelPrefix = "NOLABEL";

/**
 * An operator found a parcel's order by seller or order number (searchOrders) and links them.
 * With `parcelId`: links that unmatched parcel. Without: records a parcel that has no tracking
 * label at all (tracking number `NOLABEL…`) for that order.
 */
export async function attachParcelToOrder(
  db: Db,
  ctx: StaffContext,
  input: z.input<typeof attachParcelSchema>,
): Promise<ScanOutcome<AttachParcelAnswer>> {
  requireReceiver(ctx);
  const data = parseInput(attachParcelSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "receiving.attach" }, async (tx) => {
    const order = await findAnnouncedOrder(tx, ctx.centerId, { id: data.orderId });
    if (!order) throw new DomainError("not_found:order", "No such order in this center.");

    let parcelId = data.parcelId;
    let outcome: AttachParcelAnswer["outcome"] = "linked";
    if (parcelId) {
      const parcel = await findParcel(tx, ctx.centerId, parcelId, { lock: true });
      if (!parcel) throw new DomainError("not_found:parcel", "No such parcel in this center.");
      if (parcel.orderId === order.id) {
        outcome = "already_linked";
      } else if (parcel.status === "resolved") {
        throw new DomainError("conflict:parcel_resolved", `Parcel ${parcel.trackingNumber} was resolved by a manager; it cannot be linked now.`, { parcel: parcel.trackingNumber });
      } else if (parcel.orderId) {
        throw new DomainError(
          "conflict:parcel_linked",
          `Parcel ${parcel.trackingNumber} is already linked to another order. Ask a manager if that is wrong.`,
          { parcel: parcel.trackingNumber },
        );
      } else {
        await linkParcelToOrder(tx, ctx, parcel, order, "operator");
      }
    } else {
      const [parcel] = await tx
        .insert(parcels)
        .values({
          centerId: ctx.centerId,
          trackingNumber: noLabelPrefix + generateItemCode().slice(2, 12),
          status: "unmatched",
          receivedBy: ctx.userId,
          station: ctx.station ?? null,
          note: "Arrived without a tracking label.",
        })
        .returning();
      await linkParcelToOrder(tx, ctx, parcel, order, "operator");
      parcelId = parcel.id;
    }
    const detail = await findParcelDetail(tx, ctx.centerId, parcelId);
    if (!detail) throw new Error("parcel vanished");
    const units = detail.orders.reduce((n, o) => n + o.counts.toReceive, 0);
    return {
      ...detail,
      outcome,
      message: `Parcel ${detail.parcel.trackingNumber} is for order ${order.externalId}: ${units} unit${units === 1 ? "" : "s"} to receive.`,
    };
  });
}

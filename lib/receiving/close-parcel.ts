import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { itemEvents, items } from "@/db/schema";
import { appendItemEvent } from "@/lib/events/append-outbox-event";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { recordItemEvent, staffActor } from "@/lib/items/apply-transition";
import { parseInput, requireReceiver } from "./guards";
import { findParcel, loadOrderViews, parcelOrdersWhere, toParcelView, type OrderView, type ParcelView, type UnitView } from "./views";

export const closeParcelSchema = z.object({ parcelId: z.uuid() });

export type CloseParcelAnswer = {
  outcome: "complete" | "units_missing";
  parcel: ParcelView;
  orders: OrderView[];
  received: number;
  /** Announced units of the parcel's orders still `expected` (not in this or any earlier parcel). */
  missing: (UnitView & { orderExternalId: string })[];
  /** How many missing units were recorded now (a repeated close records nothing new). */
  newlyRecorded: number;
  message: string;
};

/**
 * The operator has confirmed everything in the box. Units of the parcel's orders that are still
 * `expected` are recorded as missing at receipt (audit row `missing_at_receipt` and an outbox event
 * for the marketplace), once per parcel, and stay `expected`: they may still come in another parcel.
 */
export async function closeParcel(db: Db, ctx: StaffContext, input: z.input<typeof closeParcelSchema>): Promise<CloseParcelAnswer> {
  requireReceiver(ctx);
  const { parcelId } = parseInput(closeParcelSchema, input);
  return db.transaction(async (tx) => {
    const parcel = await findParcel(tx, ctx.centerId, parcelId, { lock: true });
    if (!parcel) throw new DomainError("not_found:parcel", "No such parcel in this center.");
    const orders = (await loadOrderViews(tx, ctx.centerId, parcelOrdersWhere(parcel))).filter((o) => !o.placeholder);
    const candidates = orders.flatMap((o) => o.units.filter((u) => !u.unexpected && u.state === "expected").map((u) => ({ ...u, orderExternalId: o.externalId })));

    // Lock them: a unit being received right now is not missing.
    const stillExpected =
      candidates.length === 0
        ? []
        : await tx
            .select()
            .from(items)
            .where(and(inArray(items.id, candidates.map((u) => u.itemId)), eq(items.state, "expected")))
            .for("update");
    const missing = candidates.filter((u) => stillExpected.some((i) => i.id === u.itemId));
    const alreadyRecorded =
      missing.length === 0
        ? []
        : await tx
            .select({ itemId: itemEvents.itemId })
            .from(itemEvents)
            .where(
              and(
                inArray(itemEvents.itemId, missing.map((u) => u.itemId)),
                eq(itemEvents.action, "missing_at_receipt"),
                sql`${itemEvents.details}->>'parcelId' = ${parcel.id}`,
              ),
            );
    const toRecord = missing.filter((u) => !alreadyRecorded.some((r) => r.itemId === u.itemId));
    const at = new Date();
    for (const unit of toRecord) {
      const details = { parcelId: parcel.id, trackingNumber: parcel.trackingNumber, orderExternalId: unit.orderExternalId, station: ctx.station ?? null, operatorId: ctx.userId };
      await recordItemEvent(tx, {
        item: { id: unit.itemId, centerId: ctx.centerId, state: unit.state },
        action: "missing_at_receipt",
        actor: staffActor(ctx),
        details,
      });
      await appendItemEvent(tx, {
        item: { id: unit.itemId, centerId: ctx.centerId, code: null },
        action: "missing_at_receipt",
        from: unit.state,
        to: unit.state,
        actor: { userId: ctx.userId },
        at,
        orderExternalId: unit.orderExternalId,
        details: { parcelId: parcel.id, trackingNumber: parcel.trackingNumber, station: ctx.station ?? null, operatorId: ctx.userId },
      });
    }

    const received = orders.reduce((n, o) => n + o.counts.received, 0);
    const list = missing.map((u) => `${u.productName} ${u.size}`).join("; ");
    return {
      outcome: missing.length > 0 ? "units_missing" : "complete",
      parcel: toParcelView(parcel),
      orders,
      received,
      missing,
      newlyRecorded: toRecord.length,
      message:
        missing.length > 0
          ? `Parcel ${parcel.trackingNumber} closed: ${received} received, ${missing.length} missing (${list}). The missing units are recorded and stay expected.`
          : `Parcel ${parcel.trackingNumber} closed: all ${received} announced units received.`,
    };
  });
}

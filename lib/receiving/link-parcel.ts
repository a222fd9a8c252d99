import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { inboundOrders, items, parcels, type InboundOrder, type Parcel } from "@/db/schema";
import { appendItemEvent, appendOutboxEvent } from "@/lib/events/append-outbox-event";
import type { StaffContext } from "@/lib/auth/staff-context";
import { recordItemEvent, staffActor } from "@/lib/items/apply-transition";
import { findPlaceholderOrder } from "./placeholder-order";

/**
 * Links a parcel to an order (operator's lookup, a later scan that now matches, or a manager's
 * resolution): the parcel becomes `received` for that order, unannounced units already recorded on
 * its stand-in order move to the real order (each with an `order_reassigned` audit row), and an
 * outbox event tells the marketplace which parcel the order came in.
 */
export async function linkParcelToOrder(
  tx: Tx,
  ctx: StaffContext,
  parcel: Parcel,
  order: InboundOrder,
  how: "operator" | "rescan" | "manager",
  note?: string,
): Promise<Parcel> {
  const [linked] = await tx
    .update(parcels)
    .set({
      orderId: order.id,
      status: "received",
      ...(how === "manager" ? { resolvedBy: ctx.userId, resolvedAt: new Date() } : {}),
      ...(note ? { note: appendNote(parcel.note, note) } : {}),
    })
    .where(eq(parcels.id, parcel.id))
    .returning();

  const placeholder = await findPlaceholderOrder(tx, parcel.id);
  if (placeholder) {
    const moved = await tx
      .update(items)
      .set({ orderId: order.id, type: order.type, updatedAt: new Date() })
      .where(and(eq(items.orderId, placeholder.id), eq(items.centerId, ctx.centerId)))
      .returning();
    for (const item of moved) {
      await recordItemEvent(tx, {
        item,
        action: "order_reassigned",
        actor: staffActor(ctx),
        details: { fromOrder: placeholder.externalId, toOrder: order.externalId, parcelId: parcel.id, how },
      });
      await appendItemEvent(tx, {
        item,
        action: "order_reassigned",
        from: item.state,
        to: item.state,
        actor: { userId: ctx.userId },
        orderExternalId: order.externalId,
        details: { fromOrderExternalId: placeholder.externalId, unexpected: item.unexpected, parcelId: parcel.id, how },
      });
    }
    await tx.delete(inboundOrders).where(eq(inboundOrders.id, placeholder.id));
  }

  await appendOutboxEvent(tx, {
    centerId: ctx.centerId,
    event: {
      type: "parcel.linked",
      payload: {
        parcelId: parcel.id,
        trackingNumber: parcel.trackingNumber,
        orderExternalId: order.externalId,
        how,
        byUserId: ctx.userId,
        station: ctx.station ?? null,
        note: note ?? null,
        at: new Date().toISOString(),
      },
    },
  });
  return linked;
}

/** Keeps the operator's description when a manager adds the resolution. */
export function appendNote(existing: string | null, note: string): string {
  return existing ? `${existing}\n${note}` : note;
}

import { and, eq, isNull } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { inboundOrders, type InboundOrder, type Parcel } from "@/db/schema";

/**
 * Every item row needs an order. Units found in a parcel that matches no announced order are kept
 * on a stand-in order, one per parcel: `placeholder_for_parcel_id` set to the parcel, external id
 * `UNANNOUNCED-<parcel id>`, type `storage` (there is no buyer), seller unknown, no tracking number
 * (so no later scan matches it). When the parcel is
 * linked to its real order, the units move there and the stand-in is deleted; when a manager
 * returns the parcel to its sender, the units are routed for return with it.
 */
export function placeholderExternalId(parcelId: string): string {
  return `UNANNOUNCED-${parcelId}`;
}

/** The seller id of a stand-in order: the parcel's sender is not known. */
const unknownSenderId = "unknown";

/** The one filter for orders the marketplace announced (every stand-in order left out). */
export const announcedOrdersOnly = isNull(inboundOrders.placeholderForParcelId);

/** An announced order of the center by its id or the marketplace's external id (never a stand-in). */
export async function findAnnouncedOrder(q: Queryable, centerId: string, by: { id: string } | { externalId: string }): Promise<InboundOrder | undefined> {
  const key = "id" in by ? eq(inboundOrders.id, by.id) : eq(inboundOrders.externalId, by.externalId);
  const [order] = await q.select().from(inboundOrders).where(and(eq(inboundOrders.centerId, centerId), key, announcedOrdersOnly));
  return order;
}

export const isPlaceholderOrder = (order: Pick<InboundOrder, "placeholderForParcelId">) => order.placeholderForParcelId !== null;

export async function findPlaceholderOrder(tx: Tx, parcelId: string): Promise<InboundOrder | undefined> {
  const [order] = await tx.select().from(inboundOrders).where(eq(inboundOrders.placeholderForParcelId, parcelId));
  return order;
}

export async function findOrCreatePlaceholderOrder(tx: Tx, parcel: Parcel): Promise<InboundOrder> {
  await tx
    .insert(inboundOrders)
    .values({
      centerId: parcel.centerId,
      externalId: placeholderExternalId(parcel.id),
      placeholderForParcelId: parcel.id,
      type: "storage",
      seller: { id: unknownSenderId, name: `Unknown sender of parcel ${parcel.trackingNumber}` },
    })
    .onConflictDoNothing();
  const order = await findPlaceholderOrder(tx, parcel.id);
  if (!order) throw new Error("placeholder order vanished");
  return order;
}

import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { inboundOrders, items, shipments } from "@/db/schema";
import type { ApiCaller } from "@/lib/api/api-clients";
import type { SellerAddressRequest, SellerAddressResponse } from "@/lib/api/schemas";
import { waitsForAddress } from "@/lib/dispatch/return-address";
import { DomainError } from "@/lib/errors/domain-error";
import { appendOutboxEvent } from "@/lib/events/append-outbox-event";
import { recordItemEvent, type Actor } from "@/lib/items/apply-transition";
import type { ActorKind } from "@/lib/events/catalogue";
import { findOrderByExternalId } from "./announce-order";

/**
 * The marketplace gives (or corrects) the return address of an order's seller (`PUT
 * /api/v1/inbound-orders/{externalId}/seller-address`): `setSellerAddressInTx` in one transaction.
 * The same address again (a retry) changes nothing and lists no unit as made ready.
 */
export async function giveSellerAddress(db: Db, caller: ApiCaller, externalId: string, request: SellerAddressRequest): Promise<SellerAddressResponse> {
  const found = await findOrderByExternalId(db, caller, externalId);
  if (!found || !caller.centerIds.includes(found.centerId)) {
    throw new DomainError("not_found:order", `No order "${externalId}" in your centers.`);
  }
  return db.transaction(async (tx) => {
    const { order, seller, units, waitingIds } = await setSellerAddressInTx(tx, found.id, request, { apiClientId: caller.id }, "marketplace");
    return {
      externalId: order.externalId,
      seller,
      returnsReady: units.filter((u) => waitingIds.has(u.id)).map((u) => ({ id: u.id, code: u.code, state: u.state })),
    };
  });
}

/**
 * Gives an order's seller a return address inside the caller's transaction (the API above, and a
 * manager returning a unit whose seller has none, lib/receiving/receive-unexpected-unit.ts): the
 * order keeps it for returns still to come, and every return of its units not yet packed takes it,
 * so a unit that was waiting for it can be packed. An audit row per unit of the order and the
 * `order.seller_address_given` event, when anything changed.
 */
export async function setSellerAddressInTx(tx: Tx, orderId: string, request: SellerAddressRequest, actor: Actor, actorKind: ActorKind) {
  const [order] = await tx.select().from(inboundOrders).where(eq(inboundOrders.id, orderId)).for("update");
  const seller = { ...order.seller, address: request.address, ...(request.phone ? { phone: request.phone } : {}) };
  const units = await tx.select().from(items).where(eq(items.orderId, order.id)).orderBy(asc(items.id));
  const open = units.length
    ? await tx
        .select()
        .from(shipments)
        .where(and(inArray(shipments.itemId, units.map((u) => u.id)), sql`${shipments.status} = 'open'`, sql`${shipments.destination} = 'seller'`))
        .orderBy(asc(shipments.itemId))
        .for("update")
    : [];
  const outdated = open.filter((s) => s.recipient.address !== seller.address || s.recipient.phone !== seller.phone);
  const unchanged = order.seller.address === seller.address && order.seller.phone === seller.phone;
  const waiting = outdated.filter(waitsForAddress);
  if (!unchanged || outdated.length > 0) {
    await tx.update(inboundOrders).set({ seller }).where(eq(inboundOrders.id, order.id));
    for (const shipment of outdated) {
      await tx.update(shipments).set({ recipient: { ...shipment.recipient, address: seller.address, ...(seller.phone ? { phone: seller.phone } : {}) } }).where(eq(shipments.id, shipment.id));
    }
    for (const unit of units) {
      await recordItemEvent(tx, { item: unit, action: "seller_address_given", actor, details: { orderExternalId: order.externalId, wasWaiting: waiting.some((s) => s.itemId === unit.id) } });
    }
    await appendOutboxEvent(tx, {
      centerId: order.centerId,
      event: {
        type: "order.seller_address_given",
        payload: { orderExternalId: order.externalId, sellerId: seller.id, itemIds: waiting.map((s) => s.itemId), at: new Date().toISOString(), actorKind },
      },
    });
  }
  return { order, seller, units, waitingIds: new Set(waiting.map((s) => s.itemId)) };
}

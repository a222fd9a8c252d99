import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { inboundOrders, items, shipments, type Party } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * A return to a seller with no address on file cannot be labelled: it waits for the address (the
 * marketplace's PUT /api/v1/inbound-orders/{externalId}/seller-address, or a manager's, given when
 * returning an unexpected unit or an unmatched parcel's units to their unknown sender, or later on
 * the unit's page: give-return-address.ts).
 */
export function waitsForAddress(shipment: { destination: string; recipient: Party }): boolean {
  return shipment.destination === "seller" && !shipment.recipient.address?.trim();
}

/** The packing station's refusal for a return waiting for its seller's address. */
export async function refuseWithoutAddress(q: Queryable, item: { code: string | null; orderId: string }, recipient: Party): Promise<never> {
  const [order] = await q.select({ externalId: inboundOrders.externalId }).from(inboundOrders).where(eq(inboundOrders.id, item.orderId));
  const params = { code: item.code ?? "?", seller: recipient.name, order: order?.externalId ?? "?" };
  throw new DomainError(
    "conflict:no_return_address",
    `${params.code} goes back to ${params.seller}, who has no address on file: do not pack it. Set it aside on the returns shelf; it can be packed once the seller's address is given (a manager gives it on the item's page, or the marketplace sends it for order ${params.order}).`,
    params,
  );
}

export type AwaitingAddress = { itemId: string; itemCode: string | null; seller: string; orderExternalId: string; since: string };

/**
 * The center's open returns to a seller with no address (the SQL twin of `waitsForAddress`). The
 * predicates are literals, the same as `shipments_awaiting_address_idx`'s, so a prepared (generic)
 * plan can use that partial index.
 */
function awaitingAddressIn(centerId: string) {
  return and(
    eq(shipments.centerId, centerId),
    sql`${shipments.status} = 'open'`,
    sql`${shipments.destination} = 'seller'`,
    sql`coalesce(btrim(${shipments.recipient}->>'address'), '') = ''`,
  );
}

/** How many returns of the center wait for their seller's address (`atPacking`: only those already picked, at the pack station). */
export async function countAwaitingAddress(q: Queryable, centerId: string, opts: { atPacking?: boolean } = {}): Promise<number> {
  const [row] = opts.atPacking
    ? await q
        .select({ n: count() })
        .from(shipments)
        .innerJoin(items, eq(items.id, shipments.itemId))
        .where(and(awaitingAddressIn(centerId), sql`${items.state} = 'awaiting_pack'`))
    : await q.select({ n: count() }).from(shipments).where(awaitingAddressIn(centerId));
  return Number(row?.n ?? 0);
}

/** Returns of the center waiting for their seller's address, oldest first (the desk's exceptions). */
export async function listAwaitingAddress(q: Queryable, centerId: string, opts: { limit?: number } = {}): Promise<AwaitingAddress[]> {
  const rows = await q
    .select({ itemId: items.id, itemCode: items.code, recipient: shipments.recipient, orderExternalId: inboundOrders.externalId, since: shipments.createdAt })
    .from(shipments)
    .innerJoin(items, eq(items.id, shipments.itemId))
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .where(awaitingAddressIn(centerId))
    .orderBy(asc(shipments.createdAt))
    .limit(opts.limit ?? 100);
  return rows.map((r) => ({ itemId: r.itemId, itemCode: r.itemCode, seller: r.recipient.name, orderExternalId: r.orderExternalId, since: r.since.toISOString() }));
}

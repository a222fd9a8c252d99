import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { inboundOrders, items, products, type InboundOrder, type Parcel } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, recordItemEvent, staffActor } from "@/lib/items/apply-transition";
import { findLabelData } from "@/lib/labels/find-label-data";
import type { LabelData } from "@/lib/labels/label-data";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { setSellerAddressInTx } from "@/lib/orders/give-seller-address";
import { withFreshItemCode } from "./fresh-item-code";
import { parseInput, requireManager, requireReceiver, scanIdSchema } from "./guards";
import { announcedOrdersOnly, findOrCreatePlaceholderOrder } from "./placeholder-order";
import { receivableParcel } from "./receive-unit";
import { findUnit, parcelOrdersWhere, selectUnits, type UnitView } from "./views";

export const receiveUnexpectedUnitSchema = z.object({
  scanId: scanIdSchema,
  parcelId: z.uuid(),
  /** Which of the parcel's orders it came with, when the parcel is for several. */
  orderId: z.uuid().optional(),
  sku: z.string().trim().max(64).optional(),
  productName: z.string().trim().min(1, "Describe the product.").max(200),
  size: z.string().trim().min(1, "Give the size (or OS for one size).").max(40),
  note: z.string().trim().min(1, "Say what is different about this unit.").max(1000),
});

export type UnexpectedUnitAnswer = { outcome: "unexpected_received"; unit: UnitView; label: LabelData; orderExternalId: string; message: string };

/**
 * A unit in the box that was not announced (an extra one, or a different model or size): it is
 * recorded as an item marked `unexpected` and `returnToSeller` on the parcel's order — created as
 * `expected` then received, so its audit trail is complete — labelled like any unit, and left
 * `received` for a manager to decide (it stays out of the inspection queue; see
 * listUnexpectedUnits). For a parcel matching no order, it goes on the parcel's stand-in order
 * (placeholder-order.ts).
 */
export async function receiveUnexpectedUnit(
  db: Db,
  ctx: StaffContext,
  input: z.input<typeof receiveUnexpectedUnitSchema>,
): Promise<ScanOutcome<UnexpectedUnitAnswer>> {
  requireReceiver(ctx);
  const data = parseInput(receiveUnexpectedUnitSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "receiving.unexpected" }, async (tx) => {
    const parcel = await receivableParcel(tx, ctx, data.parcelId);
    const order = await targetOrder(tx, parcel, data.orderId);
    const sku = data.sku ? data.sku.toUpperCase() : null;
    const [product] = sku ? await tx.select().from(products).where(eq(products.sku, sku)) : [];
    const actor = staffActor(ctx);
    const trail = { station: ctx.station ?? null, operatorId: ctx.userId, parcelId: parcel.id, trackingNumber: parcel.trackingNumber };

    const [item] = await tx
      .insert(items)
      .values({
        centerId: ctx.centerId,
        orderId: order.id,
        type: order.type,
        state: "expected",
        sku: sku ?? "UNKNOWN",
        productName: data.productName,
        category: product?.category ?? "unknown",
        size: data.size,
        // Not announced, so no sale price; the manager's decision settles what happens to it.
        price: 0,
        unexpected: true,
        returnToSeller: true,
      })
      .returning();
    await recordItemEvent(tx, { item, action: "unexpected_unit_found", actor, details: { ...trail, note: data.note, sku } });
    await withFreshItemCode(tx, (code, sp) =>
      applyTransition(sp, {
        itemId: item.id,
        action: "receive",
        actor,
        centerId: ctx.centerId,
        set: { code, parcelId: parcel.id, receivedAt: new Date() },
        details: { ...trail, unexpected: true, returnToSeller: true, note: data.note },
      }),
    );

    const unit = await findUnit(tx, ctx.centerId, item.id);
    const [label] = await findLabelData(tx, ctx.centerId, [item.id]);
    if (!unit) throw new Error("unexpected unit vanished");
    return {
      outcome: "unexpected_received",
      unit,
      label,
      orderExternalId: order.externalId,
      message: `Recorded as ${unit.code}: not announced, flagged for a manager and for return to the seller. Label it and put it in the exceptions area.`,
    };
  });
}

async function targetOrder(tx: Tx, parcel: Parcel, orderId: string | undefined): Promise<InboundOrder> {
  const orders = await tx
    .select()
    .from(inboundOrders)
    .where(and(eq(inboundOrders.centerId, parcel.centerId), parcelOrdersWhere(parcel), announcedOrdersOnly))
    .orderBy(asc(inboundOrders.createdAt), asc(inboundOrders.id));
  if (orderId) {
    const chosen = orders.find((o) => o.id === orderId);
    if (!chosen) throw new DomainError("validation:order", `That order is not expected in parcel ${parcel.trackingNumber}.`, { parcel: parcel.trackingNumber });
    return chosen;
  }
  return orders.find((o) => o.id === parcel.orderId) ?? orders[0] ?? findOrCreatePlaceholderOrder(tx, parcel);
}

/** Unannounced units waiting for a manager's decision, oldest first. */
export type UnexpectedUnitView = UnitView & { seller: { name: string; hasAddress: boolean } };

/** An unexpected unit still here to be returned (received, flagged for return: receiveUnexpectedUnit sets both). */
export const unexpectedReceived = sql`${items.state} = 'received' and ${items.returnToSeller} and ${items.unexpected}`;

export async function listUnexpectedUnits(q: Queryable, centerId: string, opts: { limit?: number } = {}): Promise<UnexpectedUnitView[]> {
  const ids = await q
    .select({ id: items.id })
    .from(items)
    // Unexpected units are flagged for return when received: the predicate as literals reaches them
    // through items_received_for_return_idx (few) in a prepared statement's generic plan too, instead of every received unit.
    .where(and(eq(items.centerId, centerId), unexpectedReceived))
    .orderBy(asc(items.receivedAt), asc(items.id))
    .limit(opts.limit ?? 100);
  if (ids.length === 0) return [];
  const units = await selectUnits(q, inArray(items.id, ids.map((r) => r.id)));
  // Each unit's seller, and whether a return can be labelled to them (else the manager gives the address).
  const orders = await q.select({ id: inboundOrders.id, seller: inboundOrders.seller }).from(inboundOrders).where(inArray(inboundOrders.id, [...new Set(units.map((u) => u.orderId))]));
  const sellerOf = new Map(orders.map((o) => [o.id, { name: o.seller.name, hasAddress: Boolean(o.seller.address?.trim()) }]));
  return units
    .map((u) => ({ ...u, seller: sellerOf.get(u.orderId) ?? { name: "—", hasAddress: false } }))
    .sort((a, b) => (a.receivedAt ?? "").localeCompare(b.receivedAt ?? ""));
}

export const returnFlaggedUnitSchema = z.object({
  itemId: z.uuid(),
  note: z.string().trim().min(1).max(1000),
  /** The seller's return address, when the order has none (an unknown sender's parcel, or none announced). */
  address: z.string().trim().min(5, "An address of at least 5 characters.").max(500).optional(),
  phone: z.string().trim().min(1).max(40).optional(),
});

/**
 * A manager sends a received unit that is flagged for return (unexpected unit) to packing for its
 * seller. When the seller has no address on file (a parcel's unknown sender, or an order announced
 * without one) the manager gives it here: it is set on the order in the same transaction, through
 * the function the API's `PUT …/seller-address` uses (audited, with its event), before the return's
 * shipment is opened, so the label carries it. Without one, the return is refused.
 */
export async function returnFlaggedUnit(db: Db, ctx: StaffContext, input: z.input<typeof returnFlaggedUnitSchema>): Promise<UnitView> {
  requireManager(ctx);
  const data = parseInput(returnFlaggedUnitSchema, input);
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(items)
      .where(and(eq(items.centerId, ctx.centerId), eq(items.id, data.itemId), eq(items.returnToSeller, true), isNull(items.destination)));
    if (!item) throw new DomainError("not_found:item", "No unit flagged for return with that id in this center.");
    const [order] = await tx.select({ seller: inboundOrders.seller }).from(inboundOrders).where(eq(inboundOrders.id, item.orderId));
    if (data.address) {
      await setSellerAddressInTx(tx, item.orderId, { address: data.address, ...(data.phone ? { phone: data.phone } : {}) }, staffActor(ctx), "staff");
    } else if (!order?.seller.address?.trim()) {
      throw new DomainError("validation:return_address", `${item.code ?? "This unit"}'s seller has no address on file: enter the address to return it to.`, { code: item.code ?? "—" });
    }
    await applyTransition(tx, {
      itemId: item.id,
      action: "route_return",
      actor: staffActor(ctx),
      centerId: ctx.centerId,
      expectedVersion: item.version,
      set: { destination: "seller" },
      details: { destination: "seller", reason: item.unexpected ? "unexpected_unit" : "flagged_for_return", note: data.note, managerId: ctx.userId },
    });
    const unit = await findUnit(tx, ctx.centerId, item.id);
    if (!unit) throw new Error("unit vanished");
    return unit;
  });
}

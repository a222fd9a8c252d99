import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { inboundOrders, items, products, shipments, type Item, type Shipment } from "@/db/schema";
import { productOfItem } from "@/lib/catalog/item-row-columns";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, lockItemRowById, staffActor } from "@/lib/items/apply-transition";
import { normalizeItemCode } from "@/lib/scan-codes/item-code";
import { normalizeTrackingNumber } from "@/lib/scan-codes/tracking-number";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { carrierCodes, findCarrier } from "./carriers";
import { parseInput, requireDispatcher, scanIdSchema } from "./guards";
import { refuseWithoutAddress, waitsForAddress } from "./return-address";
import { toShipmentView, type ShipmentView, type ShipmentViewRow } from "./shipment-view";

export type OpenParcel = { trackingNumber: string; carrier: string; items: number };

export type PackView = {
  shipment: ShipmentView;
  /** Parcels already packed for the same recipient and not yet handed over: this item may join one. */
  openParcels: OpenParcel[];
};

const stateWords = (state: string) => state.replace(/_/g, " ");

function refuseNotReady(item: Item, shipment: Shipment | undefined): never {
  if (item.state === "packed" || item.state === "dispatched") {
    throw new DomainError("conflict:already_packed", `${item.code} is already ${stateWords(item.state)}${shipment?.trackingNumber ? ` (parcel ${shipment.trackingNumber})` : ""}.`, {
      code: item.code ?? "?",
      state: item.state,
      tracking: shipment?.trackingNumber ?? "—",
    });
  }
  throw new DomainError("conflict:not_ready_to_pack", `${item.code} is ${stateWords(item.state)}, not waiting to be packed; do not pack it.`, {
    code: item.code ?? "?",
    state: item.state,
  });
}

// The statements of the packing station, their SQL built once (db/reusable-query.ts).
const slot = sql.placeholder;
const catalogueNames = { productNameKo: products.nameKo, productNameEn: products.nameEn };
type CatalogueNames = { productNameKo: string | null; productNameEn: string | null };
// The scanned item, its order's id, its catalogue names and its shipment not yet dispatched (at most one), in one read.
const scannedItem = reusableQuery((q) =>
  q
    .select({ item: items, shipment: shipments, orderExternalId: inboundOrders.externalId, ...catalogueNames })
    .from(items)
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(products, productOfItem)
    .leftJoin(shipments, and(eq(shipments.itemId, items.id), sql`${shipments.status} <> 'dispatched'`))
    .where(and(eq(items.centerId, slot("centerId")), eq(items.code, slot("code")))),
);
// The item's shipment not yet dispatched, locked, with the item's catalogue names.
const lockedShipment = reusableQuery((q) =>
  q
    .select({ shipment: shipments, ...catalogueNames })
    .from(shipments)
    .innerJoin(items, eq(items.id, shipments.itemId))
    .leftJoin(products, productOfItem)
    .where(and(eq(shipments.itemId, slot("itemId")), sql`${shipments.status} <> 'dispatched'`))
    .for("update", { of: shipments }),
);
const parcelShipments = reusableQuery((q) =>
  q
    .select()
    .from(shipments)
    .where(and(eq(shipments.centerId, slot("centerId")), eq(shipments.trackingNumber, slot("trackingNumber"))))
    .for("update"),
);
const markPacked = reusableQuery((q) =>
  q
    .update(shipments)
    // (Drizzle's types take no placeholder as an update's value; it fills and encodes one like any value.)
    .set({ status: "packed", carrier: slot("carrier"), trackingNumber: slot("trackingNumber"), packedBy: slot("userId"), packedAt: slot("at") } as { [K in keyof Shipment]?: unknown } as Partial<Shipment>)
    .where(eq(shipments.id, slot("shipmentId"))),
);
const openParcels = reusableQuery((q) =>
  q
    .select({ trackingNumber: shipments.trackingNumber, carrier: shipments.carrier, items: sql<number>`count(*)::int` })
    .from(shipments)
    .where(
      and(
        eq(shipments.centerId, slot("centerId")),
        // Literals, not parameters: a prepared statement's generic plan can then use the partial
        // index shipments_open_parcels_idx (its predicate is this one).
        sql`${shipments.status} = 'packed'`,
        sql`${shipments.manifestId} is null`,
        eq(shipments.destination, slot("destination")),
        sql`${shipments.recipient}->>'id' = ${slot("recipientId")}`,
      ),
    )
    .groupBy(shipments.trackingNumber, shipments.carrier),
);

/** A shipment's view row from its item as read or locked here (no second read of item, order and names). */
function viewRow(item: Item, shipment: Shipment, names: CatalogueNames, orderExternalId: string): ShipmentViewRow {
  const { productNameKo, productNameEn } = names;
  return { shipment, itemCode: item.code, itemState: item.state, sku: item.sku, productName: item.productName, productNameKo, productNameEn, size: item.size, defectNote: item.defectNote, orderExternalId };
}

/** Scanning an item at packing: where it goes and what goes in the box. */
export async function lookupPackItem(db: Db, ctx: StaffContext, code: string): Promise<PackView> {
  requireDispatcher(ctx);
  const [row] = await scannedItem(db, { centerId: ctx.centerId, code: normalizeItemCode(code) });
  if (!row) throw new DomainError("not_found:item", `There is no item ${code} in this center.`, { code });
  const { item, shipment } = row;
  if (item.state !== "awaiting_pack" || !shipment) refuseNotReady(item, shipment ?? undefined);
  if (waitsForAddress(shipment)) await refuseWithoutAddress(db, item, shipment.recipient);
  const view = await toShipmentView(db, ctx.centerId, viewRow(item, shipment, row, row.orderExternalId));
  return { shipment: view, openParcels: await openParcelsFor(db, ctx.centerId, shipment) };
}

async function openParcelsFor(q: Queryable, centerId: string, shipment: Shipment): Promise<OpenParcel[]> {
  const rows = await openParcels(q, { centerId, destination: shipment.destination, recipientId: shipment.recipient.id });
  return rows.map((r) => ({ trackingNumber: r.trackingNumber ?? "", carrier: r.carrier ?? "", items: Number(r.items) }));
}

export const packItemSchema = z.object({
  scanId: scanIdSchema,
  itemId: z.uuid(),
  carrier: z.enum(carrierCodes),
  /** Scanned from the carrier's label; left out when the carrier's adapter issues one. */
  trackingNumber: z.string().trim().min(4).max(60).optional(),
});

export type PackAnswer = { shipment: ShipmentView; trackingNumber: string; parcelItems: number; issued: boolean };

/**
 * Packs one item: its parcel gets a tracking number (scanned, or issued by the carrier's adapter)
 * and the item becomes `packed`. A number already used by a parcel of the same recipient and
 * carrier that is not handed over yet puts the item in that parcel (several items, one box).
 */
export async function packItem(db: Db, ctx: StaffContext, input: z.input<typeof packItemSchema>): Promise<ScanOutcome<PackAnswer>> {
  requireDispatcher(ctx);
  const data = parseInput(packItemSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "dispatch.pack" }, async (tx) => {
    // The item locked with what its transition's event needs, then its shipment: the transition reads neither again.
    const locked = await lockItemRowById(tx, data.itemId, ctx.centerId);
    if (!locked) throw new DomainError("not_found:item", "No such item in this center.");
    const { item } = locked;
    const [open] = await lockedShipment(tx, { itemId: item.id });
    const shipment = open?.shipment;
    if (item.state !== "awaiting_pack" || !shipment || shipment.status !== "open") refuseNotReady(item, shipment);
    if (waitsForAddress(shipment)) await refuseWithoutAddress(tx, item, shipment.recipient);

    const carrier = findCarrier(data.carrier);
    let trackingNumber = data.trackingNumber ? normalizeTrackingNumber(data.trackingNumber) : null;
    const issued = trackingNumber === null;
    trackingNumber ??= await carrier.adapter.issueTrackingNumber(tx, ctx.centerId, carrier.code);
    if (!trackingNumber) {
      throw new DomainError("validation:tracking_required", `Scan the tracking number on ${carrier.name}'s label first.`, { carrier: carrier.name });
    }
    const parcelItems = await checkParcel(tx, ctx.centerId, shipment, carrier.code, trackingNumber);
    const { item: packed } = await applyTransition(tx, {
      itemId: item.id,
      action: "pack",
      locked,
      actor: staffActor(ctx),
      centerId: ctx.centerId,
      expectedVersion: item.version,
      details: { shipmentId: shipment.id, carrier: carrier.code, trackingNumber, destination: shipment.destination, shipmentReason: shipment.reason },
    });
    const packedAt = new Date();
    await markPacked(tx, { shipmentId: shipment.id, carrier: carrier.code, trackingNumber, userId: ctx.userId, at: packedAt });
    // The shipment's view as this transaction left it, from the rows it locked and changed (no re-read).
    const after: Shipment = { ...shipment, status: "packed", carrier: carrier.code, trackingNumber, packedBy: ctx.userId, packedAt };
    const view = await toShipmentView(tx, ctx.centerId, viewRow(packed, after, open, locked.orderExternalId));
    return { shipment: view, trackingNumber, parcelItems: parcelItems + 1, issued };
  });
}

/** A tracking number already in use must be an open parcel of the same recipient and carrier. */
async function checkParcel(tx: Tx, centerId: string, shipment: Shipment, carrier: string, trackingNumber: string): Promise<number> {
  const existing = await parcelShipments(tx, { centerId, trackingNumber });
  if (existing.length === 0) return 0;
  const other = existing.find(
    (s) => s.destination !== shipment.destination || s.recipient.id !== shipment.recipient.id,
  );
  if (other) {
    throw new DomainError("conflict:parcel_other_recipient", `Parcel ${trackingNumber} is already used for another recipient; scan a new label.`, { tracking: trackingNumber });
  }
  if (existing.some((s) => s.carrier !== carrier)) {
    throw new DomainError("conflict:parcel_other_carrier", `Parcel ${trackingNumber} belongs to another carrier.`, { tracking: trackingNumber });
  }
  if (existing.some((s) => s.manifestId !== null || s.status === "dispatched")) {
    throw new DomainError("conflict:parcel_handed_over", `Parcel ${trackingNumber} is already on a carrier manifest; pack this item in a new parcel.`, { tracking: trackingNumber });
  }
  return existing.length;
}

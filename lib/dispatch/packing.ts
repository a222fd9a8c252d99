import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { items, shipments, type Item, type Shipment } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, staffActor } from "@/lib/items/apply-transition";
import { normalizeItemCode } from "@/lib/scan-codes/item-code";
import { normalizeTrackingNumber } from "@/lib/scan-codes/tracking-number";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { carrierCodes, findCarrier } from "./carriers";
import { parseInput, requireDispatcher, scanIdSchema } from "./guards";
import { refuseWithoutAddress, waitsForAddress } from "./return-address";
import { loadShipmentViews, type ShipmentView } from "./shipment-view";

export type OpenParcel = { trackingNumber: string; carrier: string; items: number };

export type PackView = {
  shipment: ShipmentView;
  /** Parcels already packed for the same recipient and not yet handed over: this item may join one. */
  openParcels: OpenParcel[];
};

const stateWords = (state: string) => state.replace(/_/g, " ");

async function itemByCode(q: Queryable, centerId: string, code: string): Promise<Item> {
  const [item] = await q
    .select()
    .from(items)
    .where(and(eq(items.centerId, centerId), eq(items.code, normalizeItemCode(code))));
  if (!item) throw new DomainError("not_found:item", `There is no item ${code} in this center.`, { code });
  return item;
}

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

async function activeShipment(q: Queryable, itemId: string): Promise<Shipment | undefined> {
  const [shipment] = await q.select().from(shipments).where(and(eq(shipments.itemId, itemId), ne(shipments.status, "dispatched")));
  return shipment;
}

/** Scanning an item at the packing station: where it goes and what goes in the box. */
export async function lookupPackItem(db: Db, ctx: StaffContext, code: string): Promise<PackView> {
  requireDispatcher(ctx);
  const item = await itemByCode(db, ctx.centerId, code);
  const shipment = await activeShipment(db, item.id);
  if (item.state !== "awaiting_pack" || !shipment) refuseNotReady(item, shipment);
  if (waitsForAddress(shipment)) await refuseWithoutAddress(db, item, shipment.recipient);
  const [view] = await loadShipmentViews(db, ctx.centerId, { shipmentIds: [shipment.id] });
  return { shipment: view, openParcels: await openParcelsFor(db, ctx.centerId, shipment) };
}

async function openParcelsFor(q: Queryable, centerId: string, shipment: Shipment): Promise<OpenParcel[]> {
  const rows = await q
    .select({ trackingNumber: shipments.trackingNumber, carrier: shipments.carrier, items: sql<number>`count(*)::int` })
    .from(shipments)
    .where(
      and(
        eq(shipments.centerId, centerId),
        // Literals, not parameters: a prepared statement's generic plan can then use the partial
        // index shipments_open_parcels_idx (its predicate is this one).
        sql`${shipments.status} = 'packed'`,
        sql`${shipments.manifestId} is null`,
        eq(shipments.destination, shipment.destination),
        sql`${shipments.recipient}->>'id' = ${shipment.recipient.id}`,
      ),
    )
    .groupBy(shipments.trackingNumber, shipments.carrier);
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
    const [item] = await tx
      .select()
      .from(items)
      .where(and(eq(items.id, data.itemId), eq(items.centerId, ctx.centerId)))
      .for("update");
    if (!item) throw new DomainError("not_found:item", "No such item in this center.");
    const [shipment] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.itemId, item.id), ne(shipments.status, "dispatched")))
      .for("update");
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
    await applyTransition(tx, {
      itemId: item.id,
      action: "pack",
      actor: staffActor(ctx),
      centerId: ctx.centerId,
      expectedVersion: item.version,
      details: { shipmentId: shipment.id, carrier: carrier.code, trackingNumber, destination: shipment.destination, shipmentReason: shipment.reason },
    });
    await tx
      .update(shipments)
      .set({ status: "packed", carrier: carrier.code, trackingNumber, packedBy: ctx.userId, packedAt: new Date() })
      .where(eq(shipments.id, shipment.id));
    const [view] = await loadShipmentViews(tx, ctx.centerId, { shipmentIds: [shipment.id] });
    return { shipment: view, trackingNumber, parcelItems: parcelItems + 1, issued };
  });
}

/** A tracking number already in use must be an open parcel of the same recipient and carrier. */
async function checkParcel(tx: Tx, centerId: string, shipment: Shipment, carrier: string, trackingNumber: string): Promise<number> {
  const existing = await tx
    .select()
    .from(shipments)
    .where(and(eq(shipments.centerId, centerId), eq(shipments.trackingNumber, trackingNumber)))
    .for("update");
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

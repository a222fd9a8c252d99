import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reasonLabeller, type ReasonLabel } from "./reason-labels";
import { inboundOrders, inspectionPhotos, inspections, items, products, quarantineActions, shipments, type Party, type Shipment, type ShipmentReason } from "@/db/schema";
import { productOfItem } from "@/lib/catalog/item-row-columns";

/** The inspection result sheet that goes in a returned item's box. */
export type ResultSheet = {
  verdict: string;
  reasons: ReasonLabel[];
  note: string | null;
  photoCount: number;
  inspectedAt: string | null;
};

export type ShipmentView = {
  id: string;
  itemId: string;
  itemCode: string | null;
  itemState: string;
  sku: string;
  productName: string;
  /** The catalogue's names (screens pick with lib/catalog/product-name.ts; slips print productName). */
  productNameKo: string | null;
  productNameEn: string | null;
  size: string;
  orderExternalId: string;
  destination: "buyer" | "seller";
  recipient: Party;
  reason: ShipmentReason;
  reasonDetails: Record<string, unknown>;
  status: Shipment["status"];
  shipBy: string;
  carrier: string | null;
  trackingNumber: string | null;
  manifestId: string | null;
  packedAt: string | null;
  dispatchedAt: string | null;
  defectNote: string | null;
  /** For a return: the result sheet of the item's last finished inspection. */
  resultSheet: ResultSheet | null;
  /** For a quarantine return: the manager's reason. */
  quarantineReason: string | null;
};

const columns = {
  shipment: shipments,
  itemCode: items.code,
  itemState: items.state,
  sku: items.sku,
  productName: items.productName,
  productNameKo: products.nameKo,
  productNameEn: products.nameEn,
  size: items.size,
  defectNote: items.defectNote,
  orderExternalId: inboundOrders.externalId,
};

/** Shipments of the given items or tracking number, with what packing and slips show. */
export async function loadShipmentViews(q: Queryable, centerId: string, where: { shipmentIds?: string[]; trackingNumber?: string; itemId?: string }): Promise<ShipmentView[]> {
  const conditions = [eq(shipments.centerId, centerId)];
  if (where.shipmentIds) conditions.push(inArray(shipments.id, where.shipmentIds.length ? where.shipmentIds : ["00000000-0000-0000-0000-000000000000"]));
  if (where.trackingNumber) conditions.push(eq(shipments.trackingNumber, where.trackingNumber));
  if (where.itemId) conditions.push(eq(shipments.itemId, where.itemId));
  const rows = await q
    .select(columns)
    .from(shipments)
    .innerJoin(items, eq(items.id, shipments.itemId))
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(products, productOfItem)
    .where(and(...conditions))
    .orderBy(desc(shipments.createdAt));
  const views: ShipmentView[] = [];
  for (const r of rows) views.push(await toShipmentView(q, centerId, r));
  return views;
}

/** What a shipment view is made of: the shipment, and its item's and order's columns that packing and slips show. */
export type ShipmentViewRow = { shipment: Shipment } & Pick<
  ShipmentView,
  "itemCode" | "itemState" | "sku" | "productName" | "productNameKo" | "productNameEn" | "size" | "defectNote" | "orderExternalId"
>;

/** A shipment's view from its row; a return also reads its result sheet, a quarantine return its reason. */
export async function toShipmentView(q: Queryable, centerId: string, r: ShipmentViewRow): Promise<ShipmentView> {
  const s = r.shipment;
  const isReturn = s.destination === "seller";
  return {
    id: s.id,
    itemId: s.itemId,
    itemCode: r.itemCode,
    itemState: r.itemState,
    sku: r.sku,
    productName: r.productName,
    productNameKo: r.productNameKo,
    productNameEn: r.productNameEn,
    size: r.size,
    orderExternalId: r.orderExternalId,
    destination: s.destination,
    recipient: s.recipient,
    reason: s.reason,
    reasonDetails: s.reasonDetails,
    status: s.status,
    shipBy: s.shipBy.toISOString(),
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    manifestId: s.manifestId,
    packedAt: s.packedAt?.toISOString() ?? null,
    dispatchedAt: s.dispatchedAt?.toISOString() ?? null,
    defectNote: r.defectNote,
    resultSheet: isReturn ? await resultSheet(q, centerId, s.itemId) : null,
    quarantineReason: s.reason === "counterfeit_returned" ? await lastQuarantineReason(q, s.itemId) : null,
  };
}

/** Every shipment of one item, newest first: for the item page. @public */
export function shipmentsOfItem(q: Queryable, centerId: string, itemId: string): Promise<ShipmentView[]> {
  return loadShipmentViews(q, centerId, { itemId });
}

async function resultSheet(q: Queryable, centerId: string, itemId: string): Promise<ResultSheet | null> {
  const [inspection] = await q
    .select()
    .from(inspections)
    .where(and(eq(inspections.itemId, itemId), eq(inspections.status, "done")))
    .orderBy(desc(inspections.submittedAt))
    .limit(1);
  if (!inspection) return null;
  const verdict = inspection.reviewVerdict ?? inspection.verdict ?? "";
  const codes = inspection.reasonCodes;
  const labelled = await reasonLabeller(q, centerId, codes);
  const [photos] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(inspectionPhotos)
    .innerJoin(inspections, eq(inspections.id, inspectionPhotos.inspectionId))
    .where(and(eq(inspectionPhotos.itemId, itemId), ne(inspections.status, "released")));
  return {
    verdict,
    reasons: labelled(codes),
    note: inspection.reviewNote ?? inspection.note,
    photoCount: Number(photos?.n ?? 0),
    inspectedAt: (inspection.reviewedAt ?? inspection.submittedAt)?.toISOString() ?? null,
  };
}

async function lastQuarantineReason(q: Queryable, itemId: string): Promise<string | null> {
  const [row] = await q
    .select({ reason: quarantineActions.reason })
    .from(quarantineActions)
    .where(and(eq(quarantineActions.itemId, itemId), eq(quarantineActions.decision, "return_to_seller")))
    .orderBy(desc(quarantineActions.decidedAt))
    .limit(1);
  return row?.reason ?? null;
}

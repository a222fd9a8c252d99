import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { inboundOrders, itemEvents, items, orderLines, parcels, products, type InboundOrder, type Item, type Parcel } from "@/db/schema";
import type { ItemState } from "@/db/schema/items";
import type { OrderType, ParcelStatus, Party } from "@/db/schema/orders";
import { itemsWithProduct } from "@/lib/catalog/item-row-columns";
import { isPlaceholderOrder } from "./placeholder-order";

/*
 * What the receiving screens show. JSON-safe (times are ISO strings): answers are stored as scan
 * answers and repeated verbatim to a repeated scan id.
 */

export type UnitView = {
  itemId: string;
  orderId: string;
  code: string | null;
  state: ItemState;
  sku: string;
  productName: string;
  /** From the product catalogue when the SKU is known (screens pick with lib/catalog/product-name.ts). */
  productNameEn: string | null;
  productNameKo: string | null;
  brand: string | null;
  imageUrl: string | null;
  category: string;
  size: string;
  price: number;
  unexpected: boolean;
  returnToSeller: boolean;
  parcelId: string | null;
  receivedAt: string | null;
};

export type OrderView = {
  id: string;
  externalId: string;
  type: OrderType;
  seller: Party;
  trackingNumber: string | null;
  cancelled: boolean;
  /** A stand-in order holding unannounced units of an unmatched parcel (see placeholder-order.ts). */
  placeholder: boolean;
  units: UnitView[];
  /** Announced units (not counting unexpected ones): total, already received, still to receive. */
  counts: { announced: number; received: number; toReceive: number; cancelled: number; unexpected: number };
};

export type ParcelView = {
  id: string;
  trackingNumber: string;
  status: ParcelStatus;
  orderId: string | null;
  note: string | null;
  photoKey: string | null;
  receivedBy: string | null;
  station: string | null;
  createdAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
};


export function toParcelView(p: Parcel): ParcelView {
  return {
    id: p.id,
    trackingNumber: p.trackingNumber,
    status: p.status,
    orderId: p.orderId,
    note: p.note,
    photoKey: p.photoKey,
    receivedBy: p.receivedBy,
    station: p.station,
    createdAt: p.createdAt.toISOString(),
    resolvedBy: p.resolvedBy,
    resolvedAt: p.resolvedAt?.toISOString() ?? null,
  };
}

/** The columns `toUnitView` reads: the item and its catalogue data (select them with `itemsWithProduct`). */
export const unitRowColumns = { item: items, productNameEn: products.nameEn, productNameKo: products.nameKo, brand: products.brand, imageUrl: products.imageUrl };

type UnitRow = { item: Item; productNameEn: string | null; productNameKo?: string | null; brand: string | null; imageUrl: string | null };

export function toUnitView({ item, productNameEn, productNameKo, brand, imageUrl }: UnitRow): UnitView {
  return {
    itemId: item.id,
    orderId: item.orderId,
    code: item.code,
    state: item.state,
    sku: item.sku,
    productName: item.productName,
    productNameEn,
    productNameKo: productNameKo ?? null,
    brand,
    imageUrl,
    category: item.category,
    size: item.size,
    price: item.price,
    unexpected: item.unexpected,
    returnToSeller: item.returnToSeller,
    parcelId: item.parcelId,
    receivedAt: item.receivedAt?.toISOString() ?? null,
  };
}

/** Items with their catalogue data, in announcement order (unexpected units last). */
export async function selectUnits(q: Queryable, where: SQL | undefined): Promise<UnitView[]> {
  return (await unitsSelect(q, where)).map(toUnitView);
}

function unitsSelect(q: Queryable, where: SQL | undefined) {
  return itemsWithProduct(q, unitRowColumns)
    .leftJoin(orderLines, eq(orderLines.id, items.orderLineId))
    .where(where)
    .orderBy(asc(items.unexpected), sql`${orderLines.lineNo} asc nulls last`, asc(items.createdAt), asc(items.id));
}

// selectUnits of one order in a center (the receive answer's read), its SQL built once.
const unitsOfOrder = reusableQuery((q) =>
  unitsSelect(q, and(eq(items.centerId, sql.placeholder("centerId")), eq(items.orderId, sql.placeholder("orderId")))),
);

/** An order's units in this center, as selectUnits reads them. */
export async function selectOrderUnits(q: Queryable, centerId: string, orderId: string): Promise<UnitView[]> {
  return (await unitsOfOrder(q, { centerId, orderId })).map(toUnitView);
}

export async function findUnit(q: Queryable, centerId: string, itemId: string): Promise<UnitView | undefined> {
  const [unit] = await selectUnits(q, and(eq(items.centerId, centerId), eq(items.id, itemId)));
  return unit;
}

export function toOrderView(order: InboundOrder, units: UnitView[]): OrderView {
  const announced = units.filter((u) => !u.unexpected);
  return {
    id: order.id,
    externalId: order.externalId,
    type: order.type,
    seller: order.seller,
    trackingNumber: order.trackingNumber,
    cancelled: order.cancelledAt !== null,
    placeholder: isPlaceholderOrder(order),
    units,
    counts: {
      announced: announced.length,
      received: announced.filter((u) => u.receivedAt !== null).length,
      toReceive: announced.filter((u) => u.state === "expected").length,
      cancelled: announced.filter((u) => u.state === "cancelled").length,
      unexpected: units.length - announced.length,
    },
  };
}

/** Orders with all their units, oldest order first. */
export async function loadOrderViews(q: Queryable, centerId: string, where: SQL | undefined): Promise<OrderView[]> {
  const orders = await q
    .select()
    .from(inboundOrders)
    .where(and(eq(inboundOrders.centerId, centerId), where))
    .orderBy(asc(inboundOrders.createdAt), asc(inboundOrders.id));
  if (orders.length === 0) return [];
  const units = await selectUnits(
    q,
    and(
      eq(items.centerId, centerId),
      inArray(
        items.orderId,
        orders.map((o) => o.id),
      ),
    ),
  );
  return orders.map((o) =>
    toOrderView(
      o,
      units.filter((u) => u.orderId === o.id),
    ),
  );
}

/**
 * The orders a parcel is for: those announced with its tracking number, the one an operator or
 * manager linked it to, and any order one of its received units belongs to (e.g. the stand-in
 * order of unannounced units).
 */
export function parcelOrdersWhere(parcel: Pick<Parcel, "id" | "trackingNumber" | "orderId">): SQL {
  return or(
    eq(inboundOrders.trackingNumber, parcel.trackingNumber),
    parcel.orderId ? eq(inboundOrders.id, parcel.orderId) : undefined,
    inArray(inboundOrders.id, sql`(select ${items.orderId} from ${items} where ${items.parcelId} = ${parcel.id})`),
  )!;
}

export async function findParcel(q: Queryable, centerId: string, parcelId: string, opts: { lock?: boolean } = {}): Promise<Parcel | undefined> {
  const query = q
    .select()
    .from(parcels)
    .where(and(eq(parcels.centerId, centerId), eq(parcels.id, parcelId)));
  const [parcel] = opts.lock ? await query.for("update") : await query;
  return parcel;
}

export type ParcelDetail = {
  parcel: ParcelView;
  orders: OrderView[];
  /**
   * Units recorded missing when this parcel was closed and still not received anywhere: the screen
   * no longer offers to confirm them in this box.
   */
  missingAtClose: string[];
};

/** A parcel and everything the receiving screen shows about it (e.g. to reload the screen). */
export async function findParcelDetail(q: Queryable, centerId: string, parcelId: string): Promise<ParcelDetail | undefined> {
  const parcel = await findParcel(q, centerId, parcelId);
  if (!parcel) return undefined;
  const orders = await loadOrderViews(q, centerId, parcelOrdersWhere(parcel));
  const expected = orders.flatMap((o) => o.units.filter((u) => u.state === "expected").map((u) => u.itemId));
  return { parcel: toParcelView(parcel), orders, missingAtClose: await missingAtClose(q, parcel.id, expected) };
}

/** Of these still-expected units, those recorded `missing_at_receipt` when this parcel was closed. */
async function missingAtClose(q: Queryable, parcelId: string, expectedItemIds: string[]): Promise<string[]> {
  if (expectedItemIds.length === 0) return [];
  const rows = await q
    .selectDistinct({ itemId: itemEvents.itemId })
    .from(itemEvents)
    .where(and(inArray(itemEvents.itemId, expectedItemIds), eq(itemEvents.action, "missing_at_receipt"), sql`${itemEvents.details}->>'parcelId' = ${parcelId}`));
  return rows.map((r) => r.itemId).sort();
}

import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { inboundOrders, items, parcels, products, shipments } from "@/db/schema";
import { classifyScan } from "@/lib/scan-codes/classify";
import { normalizeTrackingNumber } from "@/lib/scan-codes/tracking-number";
import { findItemByCodeOrId } from "./item-record";
import { productOfItem } from "@/lib/catalog/item-row-columns";

export const searchKeys = ["code", "tracking", "order", "seller", "product", "sku"] as const;
export type SearchKey = (typeof searchKeys)[number];

export const searchQuerySchema = z.string().trim().min(2).max(100);

export type SearchHit = {
  id: string;
  code: string | null;
  state: string;
  productName: string;
  /** The catalogue's names (pages pick with lib/catalog/product-name.ts). */
  productNameKo: string | null;
  productNameEn: string | null;
  sku: string;
  size: string;
  orderExternalId: string;
  sellerName: string;
  createdAt: Date;
  matchedBy: SearchKey[];
};

const perKey = 20;

/** `%text%` for LIKE with the user's own % _ \ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Free text through the same key function as the index (see db/migrations/0002_desk_search.sql). */
const keyContains = (column: SQL, text: string) => sql`legit_search_key(${column}) like legit_search_key(${containsPattern(text)})`;

/**
 * One box for every key a manager has at hand: item code, tracking number (inbound parcel, order
 * or outbound shipment), order id, seller name or id, product name (Korean or English, the
 * marketplace's name or the catalogue's) and SKU; partial words match. Every lookup goes through
 * an index (trigram GIN for partial matches), each capped, so a center with millions of items
 * answers at once. Queries too short for trigrams (two ASCII characters) match exactly only.
 */
export async function searchItems(q: Queryable, centerId: string, rawQuery: string): Promise<SearchHit[]> {
  const query = searchQuerySchema.parse(rawQuery);
  const upper = query.toUpperCase();
  const tracking = normalizeTrackingNumber(query);
  const partial = query.length >= 3 || /[^\x00-\x7f]/.test(query);
  const found = new Map<string, Set<SearchKey>>();
  const add = (key: SearchKey, ids: { id: string }[]) => {
    for (const { id } of ids) (found.get(id) ?? found.set(id, new Set()).get(id)!).add(key);
  };
  const inCenter = eq(items.centerId, centerId);
  const ascii = !/[^\x00-\x7f]/.test(query);

  const scan = classifyScan(query);
  if (scan.kind === "item" || ascii) {
    const exact = await findItemByCodeOrId(q, centerId, scan.kind === "item" ? scan.code : query);
    if (exact) add("code", [exact]);
  }
  const itemIdsOfOrders = (where: SQL) =>
    q
      .select({ id: items.id })
      .from(inboundOrders)
      .innerJoin(items, eq(items.orderId, inboundOrders.id))
      .where(and(eq(inboundOrders.centerId, centerId), where))
      .limit(perKey);

  if (ascii) {
    const like = partial ? containsPattern(upper) : upper;
    const trackingLike = partial ? containsPattern(tracking) : tracking;
    const op = partial ? sql.raw("ilike") : sql.raw("=");
    const [codes, skus, orders, orderTracking, parcelTracking, shipmentTracking] = await Promise.all([
      partial ? q.select({ id: items.id }).from(items).where(and(inCenter, sql`${items.code} ilike ${like}`)).limit(perKey) : [],
      q.select({ id: items.id }).from(items).where(and(inCenter, sql`${items.sku} ${op} ${like}`)).limit(perKey),
      itemIdsOfOrders(sql`${inboundOrders.externalId} ${op} ${partial ? containsPattern(query) : query}`),
      itemIdsOfOrders(sql`${inboundOrders.trackingNumber} ${op} ${trackingLike}`),
      q
        .select({ id: items.id })
        .from(parcels)
        .innerJoin(items, eq(items.parcelId, parcels.id))
        .where(and(eq(parcels.centerId, centerId), sql`${parcels.trackingNumber} ${op} ${trackingLike}`))
        .limit(perKey),
      q
        .select({ id: shipments.itemId })
        .from(shipments)
        .where(and(eq(shipments.centerId, centerId), sql`${shipments.trackingNumber} ${op} ${trackingLike}`))
        .limit(perKey),
    ]);
    add("code", codes);
    add("sku", skus);
    add("order", orders);
    add("tracking", [...orderTracking, ...parcelTracking, ...shipmentTracking]);
  }
  if (partial) {
    const sellerText = sql`(${inboundOrders.seller} ->> 'name') || ' ' || (${inboundOrders.seller} ->> 'id')`;
    const catalogueText = sql`${products.brand} || ' ' || ${products.nameEn} || ' ' || ${products.nameKo} || ' ' || ${products.sku}`;
    // ASCII text matches the column's own trigram index, whose recheck is a plain ILIKE; other text
    // (Hangul) goes through legit_search_key and its index.
    const textContains = (column: SQL) => (ascii ? sql`${column} ilike ${containsPattern(query)}` : keyContains(column, query));
    const [names, sellers, catalogue] = await Promise.all([
      q.select({ id: items.id }).from(items).where(and(inCenter, textContains(sql`${items.productName}`))).limit(perKey),
      itemIdsOfOrders(textContains(sellerText)),
      q.select({ sku: products.sku }).from(products).where(keyContains(catalogueText, query)).limit(50),
    ]);
    add("product", names);
    add("seller", sellers);
    if (catalogue.length > 0) {
      const skuList = catalogue.map((p) => p.sku);
      add("product", await q.select({ id: items.id }).from(items).where(and(inCenter, inArray(items.sku, skuList))).limit(perKey));
    }
  }
  if (found.size === 0) return [];
  const rows = await q
    .select({
      id: items.id,
      code: items.code,
      state: items.state,
      productName: items.productName,
      productNameKo: products.nameKo,
      productNameEn: products.nameEn,
      sku: items.sku,
      size: items.size,
      createdAt: items.createdAt,
      orderExternalId: inboundOrders.externalId,
      sellerName: sql<string>`${inboundOrders.seller} ->> 'name'`,
    })
    .from(items)
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(products, productOfItem)
    .where(and(inCenter, inArray(items.id, [...found.keys()])))
    .orderBy(desc(items.createdAt));
  const rank = (hit: SearchHit) => searchKeys.indexOf(hit.matchedBy[0]);
  return rows
    .map((row) => ({ ...row, matchedBy: searchKeys.filter((k) => found.get(row.id)?.has(k)) }))
    .sort((a, b) => rank(a) - rank(b));
}

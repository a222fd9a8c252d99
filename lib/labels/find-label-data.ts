import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { centers, inboundOrders, items, products } from "@/db/schema";
import { itemsWithProduct } from "@/lib/catalog/item-row-columns";
import { DomainError } from "@/lib/errors/domain-error";
import { labelProductNames, type LabelData } from "./label-data";

/** Label data for received items of a center, in the order asked for. */
export async function findLabelData(q: Queryable, centerId: string, itemIds: string[]): Promise<LabelData[]> {
  if (itemIds.length === 0) return [];
  const rows = await itemsWithProduct(q, {
    id: items.id,
    code: items.code,
    sku: items.sku,
    productName: items.productName,
    size: items.size,
    receivedAt: items.receivedAt,
    orderExternalId: inboundOrders.externalId,
    nameEn: products.nameEn,
    nameKo: products.nameKo,
    timeZone: centers.timezone,
  })
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .innerJoin(centers, eq(centers.id, items.centerId))
    .where(and(eq(items.centerId, centerId), inArray(items.id, itemIds)));
  return itemIds.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new DomainError("not_found:item", "No such item in this center.");
    if (!row.code || !row.receivedAt) throw new DomainError("conflict:not_received", "This unit has not been received yet, so it has no label.");
    return {
      code: row.code,
      ...labelProductNames(row, row),
      size: row.size,
      orderExternalId: row.orderExternalId,
      receivedAt: row.receivedAt.toISOString(),
      timeZone: row.timeZone,
    };
  });
}

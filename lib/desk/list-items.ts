import { and, count, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { inboundOrders, items, products, type ItemState } from "@/db/schema";
import { itemRowColumns, productOfItem } from "@/lib/catalog/item-row-columns";

export const itemsPageSize = 50;

/** A page of the center's items in one state (latest change first), with the total for paging. */
export async function listItemsInState(q: Queryable, centerId: string, state: ItemState, page: number) {
  const where = and(eq(items.centerId, centerId), eq(items.state, state));
  const [rows, [total]] = await Promise.all([
    q
      .select({
        ...itemRowColumns,
        sku: items.sku,
        type: items.type,
        receivedAt: items.receivedAt,
        updatedAt: items.updatedAt,
        orderExternalId: inboundOrders.externalId,
      })
      .from(items)
      .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
      .leftJoin(products, productOfItem)
      .where(where)
      .orderBy(desc(items.updatedAt), desc(items.id))
      .limit(itemsPageSize)
      .offset(Math.max(0, page - 1) * itemsPageSize),
    q.select({ n: count() }).from(items).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), page, pageSize: itemsPageSize };
}

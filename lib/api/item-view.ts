import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { inboundOrders, items, orderLines, type Item } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { normalizeItemCode } from "@/lib/scan-codes/item-code";
import { storageFeesOf, type ItemStorageFee } from "@/lib/storage/storage-fees";
import type { ApiCaller } from "./api-clients";
import type { ItemView } from "./schemas";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An item of the caller's centers by our id or its label code. Items of other centers are answered
 * exactly like missing ones (404), so a client cannot learn what exists elsewhere.
 */
export async function findCallerItem(db: Queryable, caller: ApiCaller, itemIdOrCode: string): Promise<Item> {
  const ref = itemIdOrCode.trim();
  // Codes are read the way the stations read them (case, O/0, I/L/1, spaces and hyphens forgiven).
  const where = uuidPattern.test(ref) ? eq(items.id, ref.toLowerCase()) : eq(items.code, normalizeItemCode(ref));
  const [item] = await db
    .select()
    .from(items)
    .where(and(where, inArray(items.centerId, caller.centerIds.length ? caller.centerIds : ["00000000-0000-0000-0000-000000000000"])));
  if (!item) throw new DomainError("not_found:item", `No item ${ref} in your centers.`);
  return item;
}

/** The marketplace's view of items, in order-line order. */
export async function loadItemViews(db: Queryable, where: { itemIds?: string[]; orderId?: string }): Promise<ItemView[]> {
  const rows = await db
    .select({ item: items, externalId: inboundOrders.externalId, lineNo: orderLines.lineNo })
    .from(items)
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(orderLines, eq(orderLines.id, items.orderLineId))
    .where(where.orderId ? eq(items.orderId, where.orderId) : inArray(items.id, where.itemIds ?? []));
  const fees = await storageFeesOf(db, rows.filter((r) => r.item.storedAt).map((r) => r.item.id));
  return rows
    .sort((a, b) => (a.lineNo ?? Number.MAX_SAFE_INTEGER) - (b.lineNo ?? Number.MAX_SAFE_INTEGER) || a.item.createdAt.getTime() - b.item.createdAt.getTime())
    .map(({ item, externalId, lineNo }) => ({
      id: item.id,
      code: item.code,
      orderExternalId: externalId,
      lineNo,
      type: item.type,
      state: item.state,
      sku: item.sku,
      productName: item.productName,
      category: item.category,
      size: item.size,
      price: item.price,
      destination: item.destination,
      defectNote: item.defectNote,
      receivedAt: item.receivedAt?.toISOString() ?? null,
      storedAt: item.storedAt?.toISOString() ?? null,
      ...storageOf(fees.get(item.id)),
      updatedAt: item.updatedAt.toISOString(),
    }));
}

function storageOf(fee: ItemStorageFee | undefined): Pick<ItemView, "storage"> {
  return fee ? { storage: { days: fee.days, chargeableDays: fee.chargeableDays, amount: fee.amount, currency: fee.currency } } : {};
}

export async function loadItemView(db: Queryable, itemId: string): Promise<ItemView> {
  const [view] = await loadItemViews(db, { itemIds: [itemId] });
  if (!view) throw new DomainError("not_found:item", "No such item.");
  return view;
}

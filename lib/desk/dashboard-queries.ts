import { and, count, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { itemEvents, items, itemStates, products, users, type ItemState } from "@/db/schema";

/** How many items of the center are in each state (every state listed, zero included). */
export async function countItemsByState(db: Queryable, centerId: string): Promise<Record<ItemState, number>> {
  const rows = await db
    .select({ state: items.state, n: count() })
    .from(items)
    .where(eq(items.centerId, centerId))
    .groupBy(items.state);
  const counts = Object.fromEntries(itemStates.map((s) => [s, 0])) as Record<ItemState, number>;
  for (const row of rows) counts[row.state] = Number(row.n);
  return counts;
}

/** The center's latest item events with who did them, newest first. */
export async function listRecentItemEvents(db: Queryable, centerId: string, limit = 20) {
  return db
    .select({
      id: itemEvents.id,
      action: itemEvents.action,
      fromState: itemEvents.fromState,
      toState: itemEvents.toState,
      station: itemEvents.station,
      createdAt: itemEvents.createdAt,
      itemId: items.id,
      itemCode: items.code,
      productName: items.productName,
      productNameKo: products.nameKo,
      productNameEn: products.nameEn,
      actorName: users.name,
    })
    .from(itemEvents)
    .innerJoin(items, eq(items.id, itemEvents.itemId))
    .leftJoin(products, eq(products.sku, items.sku))
    .leftJoin(users, and(eq(users.id, itemEvents.actorUserId)))
    .where(eq(itemEvents.centerId, centerId))
    .orderBy(desc(itemEvents.id))
    .limit(limit);
}

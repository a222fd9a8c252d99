import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/result-rows";
import { itemEvents, items, itemStates, products, users, type ItemState } from "@/db/schema";
import { productOfItem } from "@/lib/catalog/item-row-columns";

function everyState(rows: { state: string; n: unknown }[]): Record<ItemState, number> {
  const counts = Object.fromEntries(itemStates.map((s) => [s, 0])) as Record<ItemState, number>;
  for (const row of rows) if (row.state in counts) counts[row.state as ItemState] = Number(row.n);
  return counts;
}

/** How many items of the center are in each state (every state listed, zero included), from the rollups (lib/rollups). */
export async function countItemsByState(db: Queryable, centerId: string): Promise<Record<ItemState, number>> {
  const result = await db.execute(sql`select label as state, n from rollup_current where center_id = ${centerId}::uuid and figure = 'items_in_state'`);
  return everyState(rowsOf(result).map((r) => ({ state: String(r.state), n: r.n })));
}

/** The same counts from the items themselves (the truth the rollups keep). */
export async function countItemsByStateFromItems(db: Queryable, centerId: string): Promise<Record<ItemState, number>> {
  const rows = await db
    .select({ state: items.state, n: count() })
    .from(items)
    .where(eq(items.centerId, centerId))
    .groupBy(items.state);
  return everyState(rows);
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
    .leftJoin(products, productOfItem)
    .leftJoin(users, and(eq(users.id, itemEvents.actorUserId)))
    .where(eq(itemEvents.centerId, centerId))
    .orderBy(desc(itemEvents.id))
    .limit(limit);
}

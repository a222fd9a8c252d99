import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import { items } from "./items";
import type { SizeClass } from "./catalog";

/**
 * One row per item that was put away: what the storage fee report needs of its stay, kept by
 * `applyTransition` in the transaction of the putaway, sale, withdrawal, mark-missing or found
 * that starts, ends or reopens it (lib/storage/stays.ts), so the report reads one narrow table
 * instead of the items, their orders and their events. The invariant checker compares every row
 * with the item, its order and its events.
 */
export const storageStays = pgTable(
  "storage_stays",
  {
    itemId: uuid("item_id").primaryKey().references(() => items.id),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    /** The item's order's seller (`inbound_orders.seller` id and name) when it was put away. */
    sellerId: text("seller_id"),
    sellerName: text("seller_name"),
    /** The item's SKU (its catalog product's class, when there is one, wins) and its class by category and size. */
    sku: text("sku").notNull(),
    categoryClass: text("category_class").$type<SizeClass>().notNull(),
    /** = items.stored_at. */
    storedAt: timestamp("stored_at", { withTimezone: true }).notNull(),
    /** When the stay ended (its sale or withdrawal, or its last mark-missing while missing); null while stored. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  // The report reads the stays not ended before its period: the open ones and the recently ended,
  // however many ended long ago (an open stay's end reads as infinity).
  (t) => [index("storage_stays_center_end_idx").on(t.centerId, sql`coalesce(${t.endedAt}, 'infinity'::timestamptz)`)],
);

export type StorageStay = typeof storageStays.$inferSelect;

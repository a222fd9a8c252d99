import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import { items } from "./items";
import type { Party } from "./orders";

export const manifests = pgTable(
  "manifests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    carrier: text("carrier").notNull(),
    status: text("status").$type<"open" | "closed">().notNull().default("open"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("manifests_center_status_idx").on(t.centerId, t.status)],
);

/** One outbound parcel: one item going to its buyer or back to its seller. */
export const shipments = pgTable(
  "shipments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    itemId: uuid("item_id").notNull().references(() => items.id),
    destination: text("destination").$type<"buyer" | "seller">().notNull(),
    recipient: jsonb("recipient").$type<Party>().notNull(),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    manifestId: uuid("manifest_id").references(() => manifests.id),
    packedBy: uuid("packed_by"),
    packedAt: timestamp("packed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shipments_item_idx").on(t.itemId),
    uniqueIndex("shipments_tracking_idx").on(t.centerId, t.trackingNumber),
    index("shipments_manifest_idx").on(t.manifestId),
  ],
);

export type Manifest = typeof manifests.$inferSelect;
export type Shipment = typeof shipments.$inferSelect;

import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import type { SizeClass } from "./catalog";

export const zones = pgTable(
  "zones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("zones_center_code_idx").on(t.centerId, t.code)],
);

export const bins = pgTable(
  "bins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    zoneId: uuid("zone_id").notNull().references(() => zones.id),
    /** BIN-<zone>-<aisle>-<rack>-<level> */
    code: text("code").notNull(),
    sizeClass: text("size_class").$type<SizeClass>().notNull(),
    capacity: integer("capacity").notNull(),
    /** Units currently in the bin (kept with the items' bin_id in the same transaction). */
    occupied: integer("occupied").notNull().default(0),
    /** Position along the zone's pick path; pick lists and putaway follow it. */
    pickSequence: integer("pick_sequence").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    uniqueIndex("bins_center_code_idx").on(t.centerId, t.code),
    index("bins_putaway_idx").on(t.centerId, t.sizeClass, t.pickSequence),
  ],
);

export type Zone = typeof zones.$inferSelect;
export type Bin = typeof bins.$inferSelect;

import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import type { SizeClass } from "./catalog";

/** A bin's class: the storage size classes, plus Q for quarantine bins (never suggested for putaway). */
export const binClasses = ["S", "M", "L", "XL", "Q"] as const;
export type BinClass = SizeClass | "Q";

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
    sizeClass: text("size_class").$type<BinClass>().notNull(),
    capacity: integer("capacity").notNull(),
    /** Units currently in the bin (kept with the items' bin_id in the same transaction). */
    occupied: integer("occupied").notNull().default(0),
    /** Position along the zone's pick path; pick lists and putaway follow it. */
    pickSequence: integer("pick_sequence").notNull(),
    active: boolean("active").notNull().default(true),
    /** When a blind count of this bin was last submitted. */
    lastCountedAt: timestamp("last_counted_at", { withTimezone: true }),
    /** Someone (a short pick, an operator) asked for this bin to be counted; cleared by its next count. */
    countRequestedAt: timestamp("count_requested_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("bins_center_code_idx").on(t.centerId, t.code),
    index("bins_putaway_idx").on(t.centerId, t.sizeClass, t.pickSequence),
    // Putaway suggestions read only bins with room, in pick-path order: a short index walk at any size.
    index("bins_free_idx")
      .on(t.centerId, t.sizeClass, t.pickSequence)
      .where(sql`${t.active} and ${t.occupied} < ${t.capacity}`),
    index("bins_zone_idx").on(t.zoneId, t.pickSequence),
    index("bins_last_counted_idx").on(t.centerId, t.lastCountedAt),
  ],
);

export type CycleCountStatus = "planned" | "counting" | "submitted" | "resolved";

/** A blind count of one bin: planned by a manager, counted by an operator, reconciled by a manager. */
export const cycleCounts = pgTable(
  "cycle_counts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    binId: uuid("bin_id")
      .notNull()
      .references(() => bins.id),
    status: text("status").$type<CycleCountStatus>().notNull().default("planned"),
    /** Why it was planned: bin, zone, stale (not counted for N days) or requested. */
    reason: text("reason").notNull(),
    plannedBy: uuid("planned_by").notNull(),
    plannedAt: timestamp("planned_at", { withTimezone: true }).notNull().defaultNow(),
    countedBy: uuid("counted_by"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("cycle_counts_center_status_idx").on(t.centerId, t.status, t.plannedAt),
    // At most one open count per bin.
    uniqueIndex("cycle_counts_open_bin_idx").on(t.binId).where(sql`${t.status} <> 'resolved'`),
  ],
);

/** One item code scanned during a count. */
export const cycleCountScans = pgTable(
  "cycle_count_scans",
  {
    countId: uuid("count_id")
      .notNull()
      .references(() => cycleCounts.id),
    code: text("code").notNull(),
    itemId: uuid("item_id"),
    scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("cycle_count_scans_pk").on(t.countId, t.code)],
);

export type CountDifferenceKind = "missing" | "unexpected";
export type CountResolution = "moved_found_elsewhere" | "marked_missing" | "moved_here" | "no_change";

/** A difference found by a submitted count, and how the manager resolved it. */
export const cycleCountDifferences = pgTable(
  "cycle_count_differences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    countId: uuid("count_id")
      .notNull()
      .references(() => cycleCounts.id),
    kind: text("kind").$type<CountDifferenceKind>().notNull(),
    /** The item, if the code is one of ours. */
    itemId: uuid("item_id"),
    code: text("code").notNull(),
    /** For an unexpected item: the bin it was recorded in (null: none). */
    recordedBinId: uuid("recorded_bin_id"),
    resolution: text("resolution").$type<CountResolution>(),
    resolvedBy: uuid("resolved_by"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("cycle_count_differences_count_idx").on(t.countId)],
);

export type Zone = typeof zones.$inferSelect;
export type Bin = typeof bins.$inferSelect;
export type CycleCount = typeof cycleCounts.$inferSelect;
export type CycleCountDifference = typeof cycleCountDifferences.$inferSelect;

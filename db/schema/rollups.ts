import { bigint, bigserial, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The desk's counts kept as they change, so the dashboard reads a few hundred rows whatever the
 * volume (issue #15). Written by database triggers (db/migrations-extra/rollups.sql) in the
 * transaction of the change: every writer moves them, so no code path can forget.
 *
 * Figures: `items_in_state` (label = state, period = epoch: a current count), `moves` (label =
 * received | inspected | dispatched, period = the one-minute UTC slot of the item event, migration 0019:
 * every time zone's local hours are whole slots), `verdicts` (label = the standing verdict) and `fail_reasons`
 * (label = reason code) per item sku and category, period = the local day (center time zone) the
 * verdict was submitted, as its first instant.
 */
const rollupKey = {
  centerId: uuid("center_id").notNull(),
  figure: text("figure").notNull(),
  period: timestamp("period", { withTimezone: true }).notNull(),
  label: text("label").notNull(),
  sku: text("sku").notNull().default(""),
  category: text("category").notNull().default(""),
};

/**
 * Changes to the counts, insert-only: concurrent transactions never touch the same row, so they
 * neither wait for each other nor deadlock. `foldRollups` (lib/rollups/fold-rollups.ts) moves them
 * into `rollup_counts`; readers sum both.
 */
export const rollupDeltas = pgTable(
  "rollup_deltas",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ...rollupKey,
    n: integer("n").notNull(),
  },
  (t) => [index("rollup_deltas_center_figure_idx").on(t.centerId, t.figure, t.period)],
);

/** The folded counts: one row per key, written only by the fold (one folder at a time). */
export const rollupCounts = pgTable(
  "rollup_counts",
  {
    ...rollupKey,
    n: bigint("n", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.centerId, t.figure, t.period, t.label, t.sku, t.category] })],
);

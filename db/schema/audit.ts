import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import type { ItemState } from "./items";

/** Append-only audit of everything that happened to an item. Never updated or deleted. */
export const itemEvents = pgTable(
  "item_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    itemId: uuid("item_id").notNull(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    action: text("action").notNull(),
    fromState: text("from_state").$type<ItemState>(),
    toState: text("to_state").$type<ItemState>(),
    actorUserId: uuid("actor_user_id"),
    actorApiClientId: uuid("actor_api_client_id"),
    station: text("station"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("item_events_item_idx").on(t.itemId, t.id),
    index("item_events_center_time_idx").on(t.centerId, t.createdAt),
    // The storage fee report's missing spells: a center's `mark_missing` and `found` events (few).
    index("item_events_missing_spells_idx").on(t.centerId, t.createdAt).where(sql`action in ('mark_missing', 'found')`),
  ],
);

/**
 * Events for the marketplace, written in the same transaction as the change they describe.
 * `txid` is the writing transaction's id: readers only hand out events of transactions older than
 * every transaction still running, so an event with a smaller `id` can never appear after a cursor.
 */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    txid: bigint("txid", { mode: "number" })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    itemId: uuid("item_id"),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_events_center_idx").on(t.centerId, t.id),
    // The events feed reads per center in (txid, id) order.
    index("outbox_events_center_txid_idx").on(t.centerId, t.txid, t.id),
  ],
);

/**
 * The first answer to each client-made scan id, so a repeated scan request (double Enter, retry
 * after a lost answer) gets the same answer and changes nothing twice.
 */
export const scanRequests = pgTable(
  "scan_requests",
  {
    scanId: text("scan_id").primaryKey(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    response: jsonb("response").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The retention job deletes the oldest answers in batches, oldest first.
  (t) => [index("scan_requests_created_idx").on(t.createdAt)],
);

export type ItemEvent = typeof itemEvents.$inferSelect;
export type OutboxEvent = typeof outboxEvents.$inferSelect;

import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { outboxEvents } from "./audit";

/** A marketplace system allowed to call /api/v1 for some centers. */
export const apiClients = pgTable("api_clients", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** SHA-256 of the bearer token; the token itself is shown once and never stored. */
  tokenHash: text("token_hash").notNull().unique(),
  tokenPrefix: text("token_prefix").notNull(),
  centerIds: jsonb("center_ids").$type<string[]>().notNull(),
  webhookUrl: text("webhook_url"),
  webhookSecret: text("webhook_secret"),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/** How far the webhook relay has pushed events to each client, and its failures. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    apiClientId: uuid("api_client_id").notNull().references(() => apiClients.id),
    eventId: bigint("event_id", { mode: "number" }).notNull().references(() => outboxEvents.id),
    status: text("status").$type<"pending" | "delivered" | "failed">().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastError: text("last_error"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_deliveries_client_status_idx").on(t.apiClientId, t.status)],
);

/**
 * The webhook relay's position per client: events up to (afterTxid, afterId) were delivered. A relay
 * process leases the row while it pushes a batch, so several relays never send the same batch twice;
 * attempts/nextAttemptAt hold the retry back-off of a failing endpoint.
 */
export const webhookRelayPositions = pgTable("webhook_relay_positions", {
  apiClientId: uuid("api_client_id")
    .primaryKey()
    .references(() => apiClients.id),
  afterTxid: bigint("after_txid", { mode: "number" }),
  afterId: bigint("after_id", { mode: "number" }),
  leaseOwner: text("lease_owner"),
  leaseUntil: timestamp("lease_until", { withTimezone: true }),
  attempts: integer("attempts").notNull().default(0),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
  lastError: text("last_error"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ApiClient = typeof apiClients.$inferSelect;
export type WebhookRelayPosition = typeof webhookRelayPositions.$inferSelect;

import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";

/**
 * Append-only log of administration: staff created or changed, PINs and passwords reset, accounts
 * deactivated, center settings and API clients changed, bins created, re-pathed or (de)activated,
 * counts planned and their differences resolved. Who, when, what, and before/after values
 * (never secrets). Managers read their center's rows.
 */
export const adminEvents = pgTable(
  "admin_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    centerId: uuid("center_id")
      .notNull()
      .references(() => centers.id),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    /** What was changed: "user", "center", "api_client", "zone", "bin", "cycle_count". */
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("admin_events_center_idx").on(t.centerId, t.id)],
);

export type AdminEvent = typeof adminEvents.$inferSelect;

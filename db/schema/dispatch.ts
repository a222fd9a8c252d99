import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import { items } from "./items";
import type { Party } from "./orders";
import { bins } from "./storage";

export const manifests = pgTable(
  "manifests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    carrier: text("carrier").notNull(),
    status: text("status").$type<"open" | "closed">().notNull().default("open"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid("closed_by"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("manifests_center_status_idx").on(t.centerId, t.status)],
);

/** Why an item leaves the center; decides recipient, ship-by deadline and what the slip says. */
export const shipmentReasons = [
  "trade_passed",
  "storage_sold",
  "withdrawn",
  "inspection_failed",
  "buyer_refused",
  "order_cancelled",
  "unexpected_unit",
  "flagged_for_return",
  "counterfeit_returned",
] as const;
export type ShipmentReason = (typeof shipmentReasons)[number];

export const shipmentStatuses = ["open", "packed", "dispatched"] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

/**
 * One item leaving the center, opened by the flow when the item is routed out (sold, withdrawn,
 * passed trade, failed, cancelled, unexpected, refused). Items of one recipient packed with the
 * same tracking number share a parcel: the parcel is the set of shipments with that number.
 */
export const shipments = pgTable(
  "shipments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    itemId: uuid("item_id").notNull().references(() => items.id),
    destination: text("destination").$type<"buyer" | "seller">().notNull(),
    recipient: jsonb("recipient").$type<Party>().notNull(),
    reason: text("reason").$type<ShipmentReason>().notNull(),
    /** Verdict, reason codes, inspection id, note: what the return slip explains. */
    reasonDetails: jsonb("reason_details").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").$type<ShipmentStatus>().notNull().default("open"),
    shipBy: timestamp("ship_by", { withTimezone: true }).notNull(),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    manifestId: uuid("manifest_id").references(() => manifests.id),
    packedBy: uuid("packed_by"),
    packedAt: timestamp("packed_at", { withTimezone: true }),
    dispatchedAt: timestamp("dispatched_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shipments_item_idx").on(t.itemId),
    // One shipment in progress per item.
    uniqueIndex("shipments_item_active_idx").on(t.itemId).where(sql`status <> 'dispatched'`),
    index("shipments_center_tracking_idx").on(t.centerId, t.trackingNumber),
    index("shipments_center_status_idx").on(t.centerId, t.status, t.shipBy),
    index("shipments_manifest_idx").on(t.manifestId),
    // Packing asks for the recipient's parcels still waiting for a carrier (lib/dispatch/packing.ts,
    // openParcelsFor): without this it filtered every packed parcel of the center (190 ms at 25k).
    index("shipments_open_parcels_idx")
      .on(t.centerId, t.destination, sql`(${t.recipient}->>'id')`)
      .where(sql`status = 'packed' and manifest_id is null`),
    // Returns waiting for their seller's address (lib/dispatch/return-address.ts): the header's
    // packing count leaves them out on every poll, and the desk's exceptions list them.
    index("shipments_awaiting_address_idx")
      .on(t.centerId, t.createdAt)
      .where(sql`status = 'open' and destination = 'seller' and coalesce(btrim(recipient->>'address'), '') = ''`),
  ],
);

/** Tracking numbers issued from a configured range ("range" carrier adapter). */
export const carrierRanges = pgTable(
  "carrier_ranges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    carrier: text("carrier").notNull(),
    prefix: text("prefix").notNull().default(""),
    nextNumber: integer("next_number").notNull(),
    lastNumber: integer("last_number").notNull(),
    digits: integer("digits").notNull().default(10),
  },
  (t) => [uniqueIndex("carrier_ranges_center_carrier_idx").on(t.centerId, t.carrier)],
);

export const pickListStatuses = ["open", "claimed", "done"] as const;
export type PickListStatus = (typeof pickListStatuses)[number];

/** Storage items waiting to be picked, grouped along the bin path; claimed by one operator. */
export const pickLists = pgTable(
  "pick_lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    /** Short number people say and see ("list 12"). */
    number: integer("number").notNull(),
    status: text("status").$type<PickListStatus>().notNull().default("open"),
    claimedBy: uuid("claimed_by"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** The bin the picker scanned last: the next item scan must come from it. */
    currentBinId: uuid("current_bin_id").references(() => bins.id),
    toteCode: text("tote_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("pick_lists_center_number_idx").on(t.centerId, t.number), index("pick_lists_center_status_idx").on(t.centerId, t.status)],
);

export const pickLineStatuses = ["pending", "picked", "short"] as const;
export type PickLineStatus = (typeof pickLineStatuses)[number];

/** One item on a pick list. A short line (not in its bin) is a manager exception until resolved. */
export const pickLines = pgTable(
  "pick_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pickListId: uuid("pick_list_id").notNull().references(() => pickLists.id),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    itemId: uuid("item_id").notNull().references(() => items.id),
    binId: uuid("bin_id").references(() => bins.id),
    sequence: integer("sequence").notNull(),
    status: text("status").$type<PickLineStatus>().notNull().default("pending"),
    toteCode: text("tote_code"),
    pickedBy: uuid("picked_by"),
    pickedAt: timestamp("picked_at", { withTimezone: true }),
    /** Short picks: the bin should be counted; cleared when a manager resolves the exception. */
    shortReportedBy: uuid("short_reported_by"),
    shortReportedAt: timestamp("short_reported_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolution: text("resolution"),
  },
  (t) => [
    index("pick_lines_list_idx").on(t.pickListId, t.sequence),
    // An item is on at most one list at a time, and not re-listed while its short pick is open.
    uniqueIndex("pick_lines_item_open_idx").on(t.itemId).where(sql`status = 'pending' or (status = 'short' and resolved_at is null)`),
    index("pick_lines_center_short_idx").on(t.centerId, t.status, t.resolvedAt),
  ],
);

export const quarantineDecisions = ["return_to_seller", "hand_to_brand", "hand_to_authorities", "keep_as_evidence"] as const;
export type QuarantineDecisionKind = (typeof quarantineDecisions)[number];

/** A manager's decision on a quarantined (counterfeit) item, with reason and photos. */
export const quarantineActions = pgTable(
  "quarantine_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    itemId: uuid("item_id").notNull().references(() => items.id),
    decision: text("decision").$type<QuarantineDecisionKind>().notNull(),
    reason: text("reason").notNull(),
    /** Recipient's name for a handover (brand's agent, police case office). */
    handedTo: text("handed_to"),
    photoKeys: jsonb("photo_keys").$type<string[]>().notNull().default([]),
    decidedBy: uuid("decided_by").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("quarantine_actions_item_idx").on(t.itemId, t.decidedAt)],
);

export type Manifest = typeof manifests.$inferSelect;
export type Shipment = typeof shipments.$inferSelect;
export type PickList = typeof pickLists.$inferSelect;
export type PickLine = typeof pickLines.$inferSelect;
export type QuarantineAction = typeof quarantineActions.$inferSelect;

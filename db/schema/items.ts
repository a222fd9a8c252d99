import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";
import { inboundOrders, orderLines, parcels, type OrderType, type Party } from "./orders";

export const itemStates = [
  "expected",
  "received",
  "in_inspection",
  "passed",
  "failed",
  "held",
  "quarantined",
  "awaiting_putaway",
  "stored",
  "awaiting_pick",
  "awaiting_pack",
  "packed",
  "dispatched",
  "cancelled",
  "missing",
  // A quarantined counterfeit's end: handed to the brand or the authorities, or kept as evidence.
  "handed_over",
  "kept_as_evidence",
] as const;
export type ItemState = (typeof itemStates)[number];

/** Why an item is leaving the center, once it is routed to packing. */
export type Destination = "buyer" | "seller";

/** One physical unit. Created as `expected` when the marketplace announces it. */
export const items = pgTable(
  "items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Printed label code (IT + 10 base32 + check), assigned at receiving. */
    code: text("code"),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    orderId: uuid("order_id").notNull().references(() => inboundOrders.id),
    orderLineId: uuid("order_line_id").references(() => orderLines.id),
    parcelId: uuid("parcel_id").references(() => parcels.id),
    type: text("type").$type<OrderType>().notNull(),
    state: text("state").$type<ItemState>().notNull(),
    sku: text("sku").notNull(),
    productName: text("product_name").notNull(),
    category: text("category").notNull(),
    size: text("size").notNull(),
    price: bigint("price", { mode: "number" }).notNull(),
    binId: uuid("bin_id"),
    /** Where it goes when it leaves: set by routing (sale, failure, withdrawal, cancellation). */
    destination: text("destination").$type<Destination>(),
    /** Buyer for a storage item that sold after it was stored. */
    saleBuyer: jsonb("sale_buyer").$type<Party>(),
    /** A unit that was not announced, or arrived after its order was cancelled. */
    unexpected: boolean("unexpected").notNull().default(false),
    returnToSeller: boolean("return_to_seller").notNull().default(false),
    /** Disclosed defect note (pass_minor_defect) shown to buyer and at packing. */
    defectNote: text("defect_note"),
    /** Optimistic-lock version, incremented by every transition. */
    version: integer("version").notNull().default(0),
    receivedAt: timestamp("received_at", { withTimezone: true }),
    storedAt: timestamp("stored_at", { withTimezone: true }),
    /**
     * When the item entered the desk-watched queue it is in (its last pass, sale, hold or routing to
     * storage; lib/items/queue-entry.ts). Set by applyTransition, so queue ages are a column read,
     * not a search of the item's events.
     */
    queueEnteredAt: timestamp("queue_entered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("items_code_idx").on(t.code),
    // A center's items in a state: the header's waiting work, the desk's items by state, pick lists,
    // putaway and quarantine lists. It carried the columns of the old queue ages read too (received_at,
    // queue_entered_at, created_at, destination, id); queue ages read items_desk_queue_idx now (0031).
    index("items_center_state_idx").on(t.centerId, t.state),
    // Each desk queue in the order its items entered it (desk_queue, desk_queue_since:
    // db/migrations-extra/desk-queue-rollups.sql): the oldest are its first entries, and the items that
    // entered in one hour a short range (lib/desk/dashboard-figures.ts, queueAges). Queued items only.
    index("items_desk_queue_idx")
      .on(
        t.centerId,
        sql`desk_queue(${t.state}, ${t.destination})`,
        sql`desk_queue_since(${t.state}, ${t.queueEnteredAt}, ${t.receivedAt}, ${t.createdAt})`,
        t.id,
        t.state,
      )
      .where(sql`desk_queue(${t.state}, ${t.destination}) is not null`),
    // The inspection queue: each order type's received units in receipt order, those flagged for return
    // left out (lib/inspection/list-inspection-queue.ts).
    index("items_inspection_queue_idx").on(t.centerId, t.type, t.receivedAt, t.id).where(sql`${t.state} = 'received' and not ${t.returnToSeller}`),
    index("items_order_idx").on(t.orderId),
    index("items_parcel_idx").on(t.parcelId),
    index("items_bin_idx").on(t.binId),
    // The received units flagged for return (few): the inspection queue's total is the received count
    // (the desk's rollups) less these (lib/inspection/count-waiting.ts).
    index("items_received_for_return_idx").on(t.centerId).where(sql`${t.state} = 'received' and ${t.returnToSeller}`),
  ],
);

export type Item = typeof items.$inferSelect;
export type NewItem = typeof items.$inferInsert;

import { bigint, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centers } from "./centers";

export const orderTypes = ["trade", "storage"] as const;
export type OrderType = (typeof orderTypes)[number];

export type Party = { id: string; name: string; address?: string; phone?: string };

/** An order the marketplace announced: the units a seller is sending to the center. */
export const inboundOrders = pgTable(
  "inbound_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    externalId: text("external_id").notNull(),
    type: text("type").$type<OrderType>().notNull(),
    seller: jsonb("seller").$type<Party>().notNull(),
    buyer: jsonb("buyer").$type<Party>(),
    trackingNumber: text("tracking_number"),
    /** Hash of the announcing request body, for idempotent re-announcement. */
    requestHash: text("request_hash"),
    apiClientId: uuid("api_client_id"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /**
     * Set on a stand-in order that holds the units of a parcel matching no announced order (see
     * lib/receiving/placeholder-order.ts); null on every order the marketplace announced.
     */
    placeholderForParcelId: uuid("placeholder_for_parcel_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An externalId is the API client's own: another client may use the same one and learns nothing
    // (stand-in orders of unannounced parcels have no client and stay unique among themselves).
    unique("inbound_orders_client_external_unique").on(t.apiClientId, t.externalId).nullsNotDistinct(),
    uniqueIndex("inbound_orders_placeholder_parcel_idx").on(t.placeholderForParcelId),
    index("inbound_orders_center_tracking_idx").on(t.centerId, t.trackingNumber),
    index("inbound_orders_seller_idx").on(t.centerId, t.seller),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id").notNull().references(() => inboundOrders.id),
    lineNo: integer("line_no").notNull(),
    sku: text("sku").notNull(),
    productName: text("product_name").notNull(),
    category: text("category").notNull(),
    size: text("size").notNull(),
    price: bigint("price", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("order_lines_order_line_idx").on(t.orderId, t.lineNo)],
);

export const parcelStatuses = ["received", "unmatched", "resolved"] as const;
export type ParcelStatus = (typeof parcelStatuses)[number];

/** A physical inbound parcel as scanned at receiving. */
export const parcels = pgTable(
  "parcels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centerId: uuid("center_id").notNull().references(() => centers.id),
    trackingNumber: text("tracking_number").notNull(),
    orderId: uuid("order_id").references(() => inboundOrders.id),
    status: text("status").$type<ParcelStatus>().notNull(),
    note: text("note"),
    photoKey: text("photo_key"),
    receivedBy: uuid("received_by"),
    station: text("station"),
    resolvedBy: uuid("resolved_by"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("parcels_center_tracking_idx").on(t.centerId, t.trackingNumber),
    index("parcels_center_status_idx").on(t.centerId, t.status),
  ],
);

export type InboundOrder = typeof inboundOrders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type Parcel = typeof parcels.$inferSelect;

import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { categories } from "@/db/schema/catalog";
import { itemStates } from "@/db/schema/items";
import { orderTypes } from "@/db/schema/orders";
import { eventsWith, type OutboxEventBody, type OutboxEventInput } from "@/lib/events/catalogue";

// Lets every schema below carry its OpenAPI name and examples; the same schemas validate requests.
extendZodWithOpenApi(z);

/** Ids the marketplace chooses; kept path-safe because they appear in URLs. */
const externalIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "use letters, digits and . _ : - only (it appears in URLs)")
  .openapi({ description: "The marketplace's own order id; unique across Legit.", example: "MK-2024-000123" });

const text = (max: number) => z.string().trim().min(1).max(max);

// ----- requests -----

export const sellerSchema = z
  .object({
    id: text(100).openapi({ example: "S-88231" }),
    name: text(200).openapi({ example: "Kim Minji" }),
    address: text(500).optional().openapi({ description: "Return address, used when items go back to the seller.", example: "12 Teheran-ro, Gangnam-gu, Seoul" }),
    phone: text(40).optional().openapi({ example: "+82-10-1234-5678" }),
  })
  .openapi("Seller");

export const buyerSchema = z
  .object({
    id: text(100).openapi({ example: "B-10442" }),
    name: text(200).openapi({ example: "Lee Jiho" }),
    address: text(500).openapi({ description: "Delivery address.", example: "221 Sejong-daero, Jung-gu, Seoul" }),
    phone: text(40).optional().openapi({ example: "+82-10-9876-5432" }),
  })
  .openapi("Buyer");

export const orderLineSchema = z
  .object({
    sku: text(64).openapi({ example: "DD1391-100" }),
    productName: text(300).openapi({ example: "Nike Dunk Low Retro White Black" }),
    category: z.enum(categories).openapi({ example: "sneakers" }),
    size: text(20).openapi({ example: "270" }),
    price: z.number().int().min(0).max(10_000_000_000).openapi({ description: "Sale price in the center's currency (whole units).", example: 129000 }),
  })
  .openapi("OrderLine");

export const announceOrderSchema = z
  .object({
    externalId: externalIdSchema,
    type: z.enum(orderTypes).openapi({ description: "`trade`: sold, inspect and ship to the buyer. `storage`: inspect and store for a later sale.", example: "trade" }),
    centerCode: text(20).openapi({ description: "The inspection center the seller ships to.", example: "SEL" }),
    seller: sellerSchema,
    // Required for a trade, refused for a storage order (see the refinement below and the call's description).
    buyer: buyerSchema.optional(),
    items: z.array(orderLineSchema).min(1).max(200).openapi({ description: "One entry per physical unit." }),
    trackingNumber: text(64).optional().openapi({ description: "The inbound parcel's carrier tracking number, if known.", example: "CJ1234567890" }),
  })
  .superRefine(
    (order, ctx) => {
      if (order?.type === "trade" && !order.buyer) ctx.addIssue({ code: "custom", path: ["buyer"], message: "required for a trade order" });
      if (order?.type === "storage" && order.buyer) ctx.addIssue({ code: "custom", path: ["buyer"], message: "a storage order has no buyer yet; report the sale later" });
    },
    // Also when other fields are wrong, so one answer lists every problem.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .openapi("AnnounceOrderRequest");
export type AnnounceOrderRequest = z.infer<typeof announceOrderSchema>;

export const cancelOrderSchema = z
  .object({ reason: text(500).optional().openapi({ example: "buyer cancelled" }) })
  .openapi("CancelOrderRequest");
export type CancelOrderRequest = z.infer<typeof cancelOrderSchema>;

export const sellerAddressSchema = z
  .object({
    address: text(500).openapi({ description: "The seller's return address.", example: "12 Teheran-ro, Gangnam-gu, Seoul" }),
    phone: text(40).optional().openapi({ description: "The seller's phone, for the carrier; kept as it was when left out.", example: "+82-10-1234-5678" }),
  })
  .openapi("SellerAddressRequest");
export type SellerAddressRequest = z.infer<typeof sellerAddressSchema>;

export const saleSchema = z
  .object({
    buyer: buyerSchema,
    saleId: text(100).optional().openapi({ description: "The marketplace's id of this sale.", example: "SALE-55120" }),
  })
  .openapi("SaleRequest");
export type SaleRequest = z.infer<typeof saleSchema>;

export const withdrawalSchema = z
  .object({
    withdrawalId: text(100).optional().openapi({ description: "The marketplace's id of this request.", example: "WD-2201" }),
    address: text(500).optional().openapi({ description: "Where to send it, if not the seller's address on the order.", example: "12 Teheran-ro, Gangnam-gu, Seoul" }),
  })
  .openapi("WithdrawalRequest");
export type WithdrawalRequest = z.infer<typeof withdrawalSchema>;

export const buyerDecisionSchema = z
  .object({
    decision: z
      .enum(["accept", "refuse"])
      .openapi({ description: "`accept`: ship with the disclosed defect. `refuse`: return to the seller (no penalty for the seller).", example: "accept" }),
  })
  .openapi("BuyerDecisionRequest");
export type BuyerDecisionRequest = z.infer<typeof buyerDecisionSchema>;

export const eventsQuerySchema = z.object({
  after: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: "A `nextCursor` (or an event's `cursor`) from an earlier answer. Leave out to start from the oldest event.", example: "djEuNzUyLjk" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ description: "At most this many events (1–1000, default 100)." }),
});
export type EventsQuery = z.infer<typeof eventsQuerySchema>;

export const externalIdParamSchema = z.object({ externalId: externalIdSchema });
export const itemIdParamSchema = z.object({
  itemId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ description: "The item's id (uuid) as given in answers, or the code on its label (`IT…`).", example: "IT7K3M9Q2XW4P" }),
});

// ----- responses -----

const timestamp = z.iso.datetime({ offset: true }).openapi({ example: "2025-03-14T09:26:53.000Z" });

const ex = {
  itemId: "5b0f3c2e-7d41-4f0a-9c8e-2a6b1d9e4f70",
  orderId: "0e6d8a41-93b2-4c5f-8d17-6f2a9b3c1e55",
  externalId: "MK-2024-000123",
  centerCode: "SEL",
  sku: "DD1391-100",
  productName: "Nike Dunk Low Retro White Black",
  category: "sneakers",
  size: "270",
  price: 129000,
};

export const announcedItemSchema = z
  .object({
    id: z.uuid().openapi({ description: "Legit's id of this unit; use it in /items/{itemId} calls.", example: ex.itemId }),
    lineNo: z.number().int().openapi({ description: "1-based position in the announced `items` array.", example: 1 }),
    sku: z.string().openapi({ example: ex.sku }),
    productName: z.string().openapi({ example: ex.productName }),
    category: z.string().openapi({ example: ex.category }),
    size: z.string().openapi({ example: ex.size }),
    price: z.number().int().openapi({ example: ex.price }),
  })
  .openapi("AnnouncedItem");

export const announceOrderResponseSchema = z
  .object({
    order: z.object({
      id: z.uuid().openapi({ example: ex.orderId }),
      externalId: z.string().openapi({ example: ex.externalId }),
      type: z.enum(orderTypes),
      centerCode: z.string().openapi({ example: ex.centerCode }),
      trackingNumber: z.string().nullable().openapi({ example: "CJ1234567890" }),
      createdAt: timestamp,
      items: z.array(announcedItemSchema),
    }),
  })
  .openapi("AnnounceOrderResponse");
export type AnnounceOrderResponse = z.infer<typeof announceOrderResponseSchema>;

export const itemViewSchema = z
  .object({
    id: z.uuid().openapi({ example: ex.itemId }),
    code: z.string().nullable().openapi({ description: "Label code, assigned when the unit is received.", example: "IT7K3M9Q2XW4P" }),
    orderExternalId: z.string().openapi({ example: ex.externalId }),
    lineNo: z.number().int().nullable().openapi({ example: 1 }),
    type: z.enum(orderTypes).openapi({ example: "storage" }),
    state: z.enum(itemStates).openapi({ example: "stored" }),
    sku: z.string().openapi({ example: ex.sku }),
    productName: z.string().openapi({ example: ex.productName }),
    category: z.string().openapi({ example: ex.category }),
    size: z.string().openapi({ example: ex.size }),
    price: z.number().int().openapi({ example: ex.price }),
    destination: z.enum(["buyer", "seller"]).nullable().openapi({ description: "Where it goes when it leaves the center, once decided.", example: null }),
    defectNote: z.string().nullable().openapi({ description: "A disclosed minor defect, if any.", example: null }),
    receivedAt: timestamp.nullable(),
    storedAt: timestamp.nullable(),
    storage: z
      .object({
        days: z.number().int().openapi({ description: "Days stored, in the center's local days (the putaway day counts)." }),
        chargeableDays: z.number().int().openapi({ description: "Days past the free period." }),
        amount: z.number().openapi({ description: "Storage fee so far (or until it left storage), in the center's currency." }),
        currency: z.string().openapi({ example: "KRW" }),
      })
      .optional()
      .openapi({ description: "For items that were stored: days stored and the storage fee so far." }),
    updatedAt: timestamp,
  })
  .openapi("Item");
export type ItemView = z.infer<typeof itemViewSchema>;

export const orderViewSchema = z
  .object({
    order: z.object({
      id: z.uuid().openapi({ example: ex.orderId }),
      externalId: z.string().openapi({ example: ex.externalId }),
      type: z.enum(orderTypes),
      centerCode: z.string().openapi({ example: ex.centerCode }),
      seller: sellerSchema,
      buyer: buyerSchema.nullable(),
      trackingNumber: z.string().nullable().openapi({ example: "CJ1234567890" }),
      createdAt: timestamp,
      cancelledAt: timestamp.nullable(),
      items: z.array(itemViewSchema),
    }),
  })
  .openapi("OrderResponse");
export type OrderView = z.infer<typeof orderViewSchema>;

const itemRefSchema = z
  .object({ id: z.uuid().openapi({ example: ex.itemId }), code: z.string().nullable().openapi({ example: null }), state: z.enum(itemStates).openapi({ example: "cancelled" }) })
  .openapi("ItemRef");

export const cancelOrderResponseSchema = z
  .object({
    externalId: z.string().openapi({ example: ex.externalId }),
    cancelledAt: timestamp.nullable().openapi({ description: "When the order was first cancelled; null if nothing could be cancelled." }),
    cancelled: z.array(itemRefSchema).openapi({ description: "Units that are cancelled (now or by an earlier call)." }),
    alreadyReceived: z
      .array(itemRefSchema)
      .openapi({ description: "Units that had already arrived and cannot be cancelled; they go on as usual.", example: [{ id: "c41d9b2e-5a6f-4e70-8b1c-2d3e4f5a6b7c", code: "IT7K3M9Q2XW4P", state: "in_inspection" }] }),
  })
  .openapi("CancelOrderResponse");
export type CancelOrderResponse = z.infer<typeof cancelOrderResponseSchema>;

export const sellerAddressResponseSchema = z
  .object({
    externalId: z.string().openapi({ example: ex.externalId }),
    seller: sellerSchema,
    returnsReady: z
      .array(itemRefSchema)
      .openapi({ description: "Units that were waiting to go back to the seller for want of an address and can now be packed.", example: [{ id: "c41d9b2e-5a6f-4e70-8b1c-2d3e4f5a6b7c", code: "IT7K3M9Q2XW4P", state: "awaiting_pack" }] }),
  })
  .openapi("SellerAddressResponse");
export type SellerAddressResponse = z.infer<typeof sellerAddressResponseSchema>;

export const itemResponseSchema = z.object({ item: itemViewSchema }).openapi("ItemResponse");
export type ItemResponse = z.infer<typeof itemResponseSchema>;

const feedEnvelope = {
  id: z.number().int().openapi({ description: "Unique event id. Not in feed order; use `cursor` to page.", example: 4711 }),
  cursor: z.string().openapi({ description: "Opaque position of this event in the feed.", example: "djEuNzUyLjk" }),
  centerCode: z.string().openapi({ example: "SEL" }),
  itemId: z.uuid().nullable().openapi({ example: ex.itemId }),
  occurredAt: timestamp,
};
type FeedEnvelope = { id: number; cursor: string; centerCode: string; itemId: string | null; occurredAt: string };
/** One event of the feed and the webhook: the envelope plus `type` and its `payload` from the event catalogue. */
export type FeedEvent = FeedEnvelope & OutboxEventBody;

export const feedEventSchema = eventsWith<typeof feedEnvelope, FeedEvent, FeedEnvelope & OutboxEventInput>(feedEnvelope).openapi("Event", {
  description:
    "An event: `type` says what happened and fixes the shape of `payload` (see each type). Item events (`item.<action>`) share one payload shape (itemId, itemCode, orderExternalId, action, from, to, at, actorKind) plus details of their action. Every payload has a `version`.",
  example: {
    id: 4711,
    cursor: "djEuNzUyLjk",
    type: "item.receive",
    centerCode: "SEL",
    itemId: ex.itemId,
    occurredAt: "2025-03-14T09:26:53.000Z",
    payload: {
      version: 1,
      itemId: ex.itemId,
      itemCode: "IT7K3M9Q2XW4P",
      orderExternalId: "MK-2024-000123",
      action: "receive",
      from: "expected",
      to: "received",
      at: "2025-03-14T09:26:53.000Z",
      actorKind: "staff",
      station: "RCV-01",
      parcelId: "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
      trackingNumber: "CJ1234567890",
    },
  },
});

export const eventsResponseSchema = z
  .object({
    events: z.array(feedEventSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as `after` next time. Null only when there has been no event yet.", example: "djEuNzUyLjk" }),
    hasMore: z.boolean().openapi({ description: "More events are ready now: ask again at once.", example: false }),
  })
  .openapi("EventsResponse");
export type EventsResponse = z.infer<typeof eventsResponseSchema>;

export const webhookBatchSchema = z
  .object({
    deliveryId: z.uuid().openapi({ description: "Same on every retry of this batch.", example: "9d2e4b7a-1c3f-4e8d-a5b6-7c8d9e0f1a2b" }),
    sentAt: timestamp,
    events: z.array(feedEventSchema),
  })
  .openapi("WebhookBatch");
export type WebhookBatch = z.infer<typeof webhookBatchSchema>;

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ description: "Stable machine-readable code, `<kind>` or `<kind>:<detail>`.", example: "conflict:item_state" }),
      message: z.string().openapi({ description: "What went wrong, for people.", example: "IT7K3M9Q2XW4P is in inspection; cannot withdraw it (only from stored)." }),
    }),
  })
  .openapi("Error");
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

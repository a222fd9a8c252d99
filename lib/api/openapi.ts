import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  announceOrderResponseSchema,
  announceOrderSchema,
  buyerDecisionSchema,
  cancelOrderResponseSchema,
  cancelOrderSchema,
  sellerAddressResponseSchema,
  sellerAddressSchema,
  errorResponseSchema,
  eventsQuerySchema,
  eventsResponseSchema,
  externalIdParamSchema,
  itemIdParamSchema,
  itemResponseSchema,
  orderViewSchema,
  saleSchema,
  webhookBatchSchema,
  withdrawalSchema,
} from "./schemas";
import { signatureHeader, timestampHeader } from "./webhook-signature";

type Responses = RouteConfig["responses"];

const json = (schema: z.ZodType, description: string, example?: unknown) => ({
  description,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});

/** The Item answer of an item call, as it looks right after that call. */
function itemAfter(change: { state: string; destination: string; type?: string }) {
  return {
    item: {
      id: "5b0f3c2e-7d41-4f0a-9c8e-2a6b1d9e4f70",
      code: "IT7K3M9Q2XW4P",
      orderExternalId: "MK-2024-000123",
      lineNo: 1,
      type: change.type ?? "storage",
      state: change.state,
      sku: "DD1391-100",
      productName: "Nike Dunk Low Retro White Black",
      category: "sneakers",
      size: "270",
      price: 129000,
      destination: change.destination,
      defectNote: change.type === "trade" ? "Box damage — corner crushed" : null,
      receivedAt: "2025-03-14T09:26:53.000Z",
      storedAt: change.type === "trade" ? null : "2025-03-15T11:02:10.000Z",
      updatedAt: "2025-04-02T08:15:44.000Z",
    },
  };
}
const error = (description: string) => json(errorResponseSchema, description);

/** Every call can be refused like this; each route adds its own. */
const common: Responses = {
  401: error("Missing, unknown or revoked API token (`unauthorized:*`)."),
  500: error("Our fault; retry later (`internal`)."),
};
const withBody: Responses = {
  400: error("The body is not valid JSON (`bad_request:malformed_json`)."),
  413: error("The body is larger than 1 MiB (`too_large:body`)."),
  422: error("The body does not match the schema (`validation`); the message names each field path and what is wrong."),
};
const itemErrors: Responses = {
  404: error("No such item in your centers (`not_found:item`). Items of centers your token is not scoped to are answered the same way."),
  409: error("The item is not in a state that allows this (`conflict:item_state`, `conflict:item_type`), or it was already reported with other details (`conflict:already_reported`)."),
};

function body(schema: z.ZodType, description: string) {
  return { description, required: true, content: { "application/json": { schema } } };
}

/** The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(options: { serverUrl?: string } = {}) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API client's token (`lgt_…`), made by an admin in Legit or with `npm run legit -- api-client create`. Scoped to centers.",
  });
  const security = [{ bearerAuth: [] }];
  registry.registerComponent("securitySchemes", "webhookSignature", {
    type: "apiKey",
    in: "header",
    name: signatureHeader,
    description: `How Legit signs what it sends to your webhook: \`${signatureHeader}: sha256=<hex>\`, the HMAC-SHA256 of the raw body with the client's webhook secret (shown once when the webhook is set).`,
  });

  registry.registerPath({
    method: "post",
    path: "/inbound-orders",
    operationId: "announceOrder",
    tags: ["Orders"],
    summary: "Announce an order",
    description:
      "Tells the center a seller is sending units: one `expected` item is made per entry of `items`. `buyer` is required for a trade and refused for a storage order (a stored item's buyer comes with its sale). Idempotent on `externalId`: sending the same body again answers the first result with 200 (header `Idempotent-Replayed: true`) and changes nothing; another body under a used `externalId` is a 409. Retrying after a timeout is always safe.",
    security,
    request: { body: body(announceOrderSchema, "The order.") },
    responses: {
      201: json(announceOrderResponseSchema, "Announced."),
      200: json(announceOrderResponseSchema, "Already announced with this same body: the first answer again."),
      403: error("Your token is not scoped to `centerCode` (`forbidden:center`)."),
      409: error("`externalId` was already used with a different body (`conflict:external_id`)."),
      ...withBody,
      ...common,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/inbound-orders/{externalId}",
    operationId: "getOrder",
    tags: ["Orders"],
    summary: "Read an order and each item's state",
    security,
    request: { params: externalIdParamSchema },
    responses: {
      200: json(orderViewSchema, "The order."),
      404: error("No such order in your centers (`not_found:order`)."),
      ...common,
    },
  });

  registry.registerPath({
    method: "post",
    path: "/inbound-orders/{externalId}/cancel",
    operationId: "cancelOrder",
    tags: ["Orders"],
    summary: "Cancel the units not yet received",
    description:
      "Units still `expected` become `cancelled`; units already received go on as usual and are listed under `alreadyReceived`. A cancelled unit that arrives anyway is sent back to its seller. Calling it again is harmless and answers the same. The body may be empty.",
    security,
    request: { params: externalIdParamSchema, body: { ...body(cancelOrderSchema, "Optional reason."), required: false } },
    responses: {
      200: json(cancelOrderResponseSchema, "What is cancelled and what had already arrived."),
      404: error("No such order in your centers (`not_found:order`)."),
      ...withBody,
      ...common,
    },
  });

  registry.registerPath({
    method: "put",
    path: "/inbound-orders/{externalId}/seller-address",
    operationId: "giveSellerAddress",
    tags: ["Orders"],
    summary: "Give the seller's return address",
    description:
      "For an order announced without `seller.address` (or to correct it). A unit going back to a seller with no address on file is not packed: it waits, listed on the center's exceptions, until this call gives the address; its return then packs normally and the units made ready are listed under `returnsReady`. Returns not yet packed take the new address; parcels already packed keep theirs. Emits `order.seller_address_given`. Calling it again with the same body changes nothing.",
    security,
    request: { params: externalIdParamSchema, body: body(sellerAddressSchema, "The seller's address.") },
    responses: {
      200: json(sellerAddressResponseSchema, "The seller as the order now has it, and the returns made ready."),
      404: error("No such order in your centers (`not_found:order`)."),
      ...withBody,
      ...common,
    },
  });

  const itemCall = (path: string, operationId: string, summary: string, description: string, schema: z.ZodType, example: unknown) =>
    registry.registerPath({
      method: "post",
      path: `/items/{itemId}/${path}`,
      operationId,
      tags: ["Items"],
      summary,
      description: `${description} Repeating the same call (a retry) answers the item as it is now and changes nothing.`,
      security,
      request: { params: itemIdParamSchema, body: body(schema, summary) },
      responses: { 200: json(itemResponseSchema, "The item after the change.", example), ...itemErrors, ...withBody, ...common },
    });
  itemCall("sale", "reportSale", "A stored item has sold", "The item must be a storage item in state `stored`. It goes to picking and ships to `buyer`.", saleSchema, itemAfter({ state: "awaiting_pick", destination: "buyer" }));
  itemCall("withdrawal", "reportWithdrawal", "The seller wants a stored item back", "The item must be a storage item in state `stored`. It goes to picking and back to the seller, to `address` when given, else to the seller's address on the order (with neither, it is not packed until PUT /inbound-orders/{externalId}/seller-address gives one).", withdrawalSchema, itemAfter({ state: "awaiting_pick", destination: "seller" }));
  itemCall(
    "buyer-decision",
    "reportBuyerDecision",
    "The buyer accepts or refuses a disclosed minor defect",
    "For a trade item `held` after a `pass_minor_defect` verdict (event `item.hold`). `accept`: it ships to the buyer. `refuse`: it goes back to the seller. For an item not waiting for a decision the answer is 409 (`conflict:not_awaiting_buyer`); the other decision after one was applied is 409 (`conflict:buyer_decided`).",
    buyerDecisionSchema,
    itemAfter({ state: "awaiting_pack", destination: "buyer", type: "trade" }),
  );

  registry.registerPath({
    method: "get",
    path: "/events",
    operationId: "listEvents",
    tags: ["Events"],
    summary: "Read events in order",
    description:
      "Every change of your centers' items and orders, oldest first. Keep the last `nextCursor` and pass it as `after`; you receive every event exactly once and in order, even while many changes commit at once (an event appears once the transactions before it have finished, usually within milliseconds). When `hasMore` is true, ask again at once; otherwise poll every few seconds. The same events can be pushed to your webhook.",
    security,
    request: { query: eventsQuerySchema },
    responses: {
      200: json(eventsResponseSchema, "A page of events."),
      422: error("`after` is not a cursor we gave out, or `limit` is out of range (`validation`)."),
      ...common,
    },
  });

  registry.registerWebhook({
    method: "post",
    path: "events",
    operationId: "eventsWebhook",
    summary: "Events pushed to your webhook",
    description: `The same events as GET /events, in order, in batches. Verify \`${signatureHeader}: sha256=<hex>\`, the HMAC-SHA256 of the raw body with your webhook secret; \`${timestampHeader}\` is the send time (Unix seconds) and equals \`sentAt\`. Answer 2xx to acknowledge; anything else (or no answer in 10 s) is retried with exponential back-off, and later events wait until the batch is acknowledged. A retried batch keeps its \`deliveryId\` and may hold more events; deduplicate by event \`id\`.`,
    security: [{ webhookSignature: [] }],
    request: { body: body(webhookBatchSchema, "A batch of events.") },
    responses: { 200: { description: "Acknowledged." } },
  });

  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Legit integration API",
      version: "1.0.0",
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
      description:
        "How the marketplace talks to Legit's inspection centers: announce orders, cancel them, report sales, withdrawals and buyer decisions, and read every item change as events. JSON over HTTPS; `Authorization: Bearer <token>`. Every error is `{\"error\":{\"code\",\"message\"}}` with a fitting 4xx status. A token only sees its centers: orders and items of other centers answer 404 as if they did not exist; announcing to another center is 403.",
    },
    servers: [{ url: options.serverUrl ?? "/api/v1" }],
  });
}

import { eq } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import * as catchAll from "@/app/api/v1/[...path]/route";
import * as events from "@/app/api/v1/events/route";
import * as cancel from "@/app/api/v1/inbound-orders/[externalId]/cancel/route";
import * as order from "@/app/api/v1/inbound-orders/[externalId]/route";
import * as orders from "@/app/api/v1/inbound-orders/route";
import * as buyerDecision from "@/app/api/v1/items/[itemId]/buyer-decision/route";
import * as sale from "@/app/api/v1/items/[itemId]/sale/route";
import * as withdrawal from "@/app/api/v1/items/[itemId]/withdrawal/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import { inboundOrders } from "@/db/schema";
import { createApiClient, revokeApiClient } from "@/lib/api/api-clients";
import { apiRoute } from "@/lib/http/api-route";
import { cancelOrderResponseSchema, errorResponseSchema, eventsResponseSchema, itemResponseSchema, orderViewSchema } from "@/lib/api/schemas";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems } from "../helpers/fixtures";
import { callRoute, routeDbTo, setUpApiWorld, storageOrder, tradeOrder } from "./api-helpers";

/** Every error answer has exactly this shape and never a stack trace. */
function expectError(res: { status: number; json: unknown }, status: number, code: string | RegExp) {
  expect(res.status).toBe(status);
  expect(errorResponseSchema.strict().parse(res.json)).toEqual(res.json);
  expect(Object.keys((res.json as { error: object }).error).sort()).toEqual(["code", "message"]);
  const { error } = res.json as { error: { code: string; message: string } };
  expect(error.code).toMatch(code);
  expect(error.message).not.toMatch(/\n\s+at /);
  return error;
}

describeEachDb("API over HTTP (route handlers)", (use) => {
  let world: Awaited<ReturnType<typeof setUpApiWorld>>;
  beforeAll(async () => {
    world = await setUpApiWorld(use());
    routeDbTo(use());
  });

  it("refuses missing, unknown and revoked tokens with 401", async () => {
    const body = tradeOrder(world.a.code);
    expectError(await callRoute(orders.POST, { path: "/api/v1/inbound-orders", body }), 401, "unauthorized:missing_token");
    expectError(await callRoute(orders.POST, { path: "/api/v1/inbound-orders", body, headers: { authorization: "Basic abc" } }), 401, "unauthorized:missing_token");
    expectError(await callRoute(orders.POST, { path: "/api/v1/inbound-orders", body, token: "lgt_nottherightone" }), 401, "unauthorized:invalid_token");
    const doomed = await createApiClient(use(), { name: "Doomed", centerIds: [world.a.id] });
    await revokeApiClient(use(), "console", doomed.client.id);
    expectError(await callRoute(events.GET, { path: "/api/v1/events", token: doomed.token }), 401, "unauthorized:revoked_token");
    expect(await use().select().from(inboundOrders).where(eq(inboundOrders.externalId, body.externalId))).toHaveLength(0);
  });

  it("answers malformed JSON with 400, an oversized body with 413, and schema errors with 422 naming each field", async () => {
    const path = "/api/v1/inbound-orders";
    expectError(await callRoute(orders.POST, { path, token: world.tokenA, rawBody: '{"externalId": "x",', headers: { "content-type": "application/json" } }), 400, "bad_request:malformed_json");

    const huge = JSON.stringify({ ...tradeOrder(world.a.code), padding: "x".repeat(1024 * 1024) });
    expectError(await callRoute(orders.POST, { path, token: world.tokenA, rawBody: huge }), 413, "too_large:body");
    // Without a Content-Length (chunked), the body is counted as it streams in.
    const chunks = Array.from({ length: 20 }, () => new TextEncoder().encode("x".repeat(64 * 1024)));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    expectError(await callRoute(orders.POST, { path, token: world.tokenA, rawBody: stream }), 413, "too_large:body");

    const bad = { ...tradeOrder(world.a.code), buyer: undefined, items: [{ sku: "X", productName: "Y", category: "cars", size: "1", price: "12" }] };
    const error = expectError(await callRoute(orders.POST, { path, token: world.tokenA, body: bad }), 422, "validation");
    expect(error.message).toContain("items.0.price");
    expect(error.message).toContain("items.0.category");
    expect(error.message).toContain("buyer: required for a trade order");
    const empty = expectError(await callRoute(orders.POST, { path, token: world.tokenA, rawBody: "" }), 422, "validation");
    expect(empty.message).toContain("externalId");
  });

  it("announces (201), replays the same body (200, same answer), refuses another body (409) and another center (403)", async () => {
    const body = tradeOrder(world.a.code);
    const first = await callRoute(orders.POST, { path: "/api/v1/inbound-orders", token: world.tokenA, body });
    expect(first.status).toBe(201);
    expect(first.json.order.items).toHaveLength(2);
    const again = await callRoute(orders.POST, { path: "/api/v1/inbound-orders", token: world.tokenA, body });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    expectError(await callRoute(orders.POST, { path: "/api/v1/inbound-orders", token: world.tokenA, body: { ...body, trackingNumber: "CHANGED" } }), 409, "conflict:external_id");
    expectError(await callRoute(orders.POST, { path: "/api/v1/inbound-orders", token: world.tokenA, body: tradeOrder(world.b.code) }), 403, "forbidden:center");
  });

  it("makes one order from two identical announce requests sent at once", async () => {
    const body = storageOrder(world.a.code);
    const [x, y] = await Promise.all([
      callRoute(orders.POST, { path: "/api/v1/inbound-orders", token: world.tokenA, body }),
      callRoute(orders.POST, { path: "/api/v1/inbound-orders", token: world.tokenA, body }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    expect(x.json).toEqual(y.json);
    expect(await use().select().from(inboundOrders).where(eq(inboundOrders.externalId, body.externalId))).toHaveLength(1);
  });

  it("reads and cancels an order; another center's token gets 404 for both", async () => {
    const body = tradeOrder(world.a.code);
    await callRoute(orders.POST, { path: "/api/v1/inbound-orders", token: world.tokenA, body });
    const params = { externalId: body.externalId };
    const read = await callRoute(order.GET, { path: `/api/v1/inbound-orders/${body.externalId}`, token: world.tokenA, params });
    expect(read.status).toBe(200);
    expect(orderViewSchema.parse(read.json).order.items.map((i) => i.state)).toEqual(["expected", "expected"]);
    expectError(await callRoute(order.GET, { path: `/api/v1/inbound-orders/${body.externalId}`, token: world.tokenB, params }), 404, "not_found:order");
    expectError(await callRoute(cancel.POST, { path: `/api/v1/inbound-orders/${body.externalId}/cancel`, token: world.tokenB, params, rawBody: "" }), 404, "not_found:order");
    expectError(await callRoute(order.GET, { path: "/api/v1/inbound-orders/bad%20id", token: world.tokenA, params: { externalId: "bad id" } }), 404, "not_found");

    // An empty body is fine for cancel.
    const cancelled = await callRoute(cancel.POST, { path: `/api/v1/inbound-orders/${body.externalId}/cancel`, token: world.tokenA, params, rawBody: "" });
    expect(cancelled.status).toBe(200);
    expect(cancelOrderResponseSchema.parse(cancelled.json).cancelled).toHaveLength(2);
  });

  it("reports a sale and a withdrawal; wrong state is 409, another center 404, bad body 422", async () => {
    const [sold, withdrawn, received] = await createOrderWithItems(use(), world.a.id, ["stored", "stored", "received"], { type: "storage" });
    const buyer = { id: "B-1", name: "Lee", address: "Seoul" };
    const s = await callRoute(sale.POST, { path: `/api/v1/items/${sold.id}/sale`, token: world.tokenA, params: { itemId: sold.id }, body: { buyer } });
    expect(s.status).toBe(200);
    expect(itemResponseSchema.parse(s.json).item.state).toBe("awaiting_pick");
    const w = await callRoute(withdrawal.POST, { path: `/api/v1/items/${withdrawn.code}/withdrawal`, token: world.tokenA, params: { itemId: withdrawn.code! }, rawBody: "" });
    expect(w.status).toBe(200);
    expect(w.json.item).toMatchObject({ state: "awaiting_pick", destination: "seller" });
    expectError(await callRoute(sale.POST, { path: "/", token: world.tokenA, params: { itemId: received.id }, body: { buyer } }), 409, "conflict:item_state");
    expectError(await callRoute(sale.POST, { path: "/", token: world.tokenB, params: { itemId: received.id }, body: { buyer } }), 404, "not_found:item");
    const e = expectError(await callRoute(sale.POST, { path: "/", token: world.tokenA, params: { itemId: received.id }, body: { buyer: { id: "B" } } }), 422, "validation");
    expect(e.message).toContain("buyer.name");
    const d = expectError(await callRoute(buyerDecision.POST, { path: "/", token: world.tokenA, params: { itemId: received.id }, body: { decision: "maybe" } }), 422, "validation");
    expect(d.message).toContain("decision");
    expectError(await callRoute(buyerDecision.POST, { path: "/", token: world.tokenA, params: { itemId: received.id }, body: { decision: "accept" } }), 409, /^conflict:/);
  });

  it("serves events with a cursor and validates the query", async () => {
    const res = await callRoute(events.GET, { path: "/api/v1/events?limit=2", token: world.tokenA });
    expect(res.status).toBe(200);
    const page = eventsResponseSchema.parse(res.json);
    expect(page.events.length).toBeLessThanOrEqual(2);
    expect(page.events.every((e) => e.centerCode === world.a.code)).toBe(true);
    expectError(await callRoute(events.GET, { path: "/api/v1/events?limit=0", token: world.tokenA }), 422, "validation");
    expectError(await callRoute(events.GET, { path: "/api/v1/events?limit=abc", token: world.tokenA }), 422, "validation");
    expectError(await callRoute(events.GET, { path: "/api/v1/events?after=garbage", token: world.tokenA }), 422, "validation:cursor");
  });

  it("answers unknown paths with a JSON 404 and hides internal failures behind a generic 500", async () => {
    expectError(await callRoute(catchAll.GET, { path: "/api/v1/nope" }), 404, "not_found:route");
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = apiRoute({ db: async () => use() }, async () => {
      throw new Error("connection to 10.0.0.5 failed: password for user legit");
    });
    const res = await callRoute(broken, { path: "/api/v1/broken", token: world.tokenA });
    const error = expectError(res, 500, "internal");
    expect(JSON.stringify(res.json)).not.toContain("10.0.0.5");
    expect(error.message).not.toContain("password");
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it("serves the OpenAPI document without a token", async () => {
    const res = await callRoute(openapi.GET, { path: "/api/v1/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    expect(Object.keys(res.json.paths).sort()).toEqual([
      "/events",
      "/inbound-orders",
      "/inbound-orders/{externalId}",
      "/inbound-orders/{externalId}/cancel",
      "/inbound-orders/{externalId}/seller-address",
      "/items/{itemId}/buyer-decision",
      "/items/{itemId}/sale",
      "/items/{itemId}/withdrawal",
    ]);
    expect(res.json.servers[0].url).toBe("http://localhost/api/v1");
  });
});

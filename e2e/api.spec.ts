import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demoApiTokens } from "../scripts/demo-tokens";

// The integration API over real HTTP against the running app and its demo data (center SEL's client,
// and TYO's for cross-center checks). No browser needed: runs in one project only.
const token = process.env.LEGIT_E2E_API_TOKEN ?? demoApiTokens.SEL;
const otherToken = demoApiTokens.TYO;
const auth = (t: string) => ({ authorization: `Bearer ${t}` });

test.beforeEach(async ({}, testInfo) => {
  test.skip(testInfo.project.name === "tablet", "API specs need no second viewport");
});

function tradeOrder(overrides: Record<string, unknown> = {}) {
  return {
    externalId: `E2E-${randomBytes(5).toString("hex")}`,
    type: "trade",
    centerCode: "SEL",
    seller: { id: "S-e2e", name: "Kim Seller", address: "12 Teheran-ro, Seoul" },
    buyer: { id: "B-e2e", name: "Lee Buyer", address: "221 Sejong-daero, Seoul" },
    items: [
      { sku: "DD1391-100", productName: "Nike Dunk Low Retro White Black", category: "sneakers", size: "270", price: 129000 },
      { sku: "B75806", productName: "adidas Samba OG Cloud White Core Black", category: "sneakers", size: "250", price: 139000 },
    ],
    trackingNumber: String(Date.now()) + String(Math.floor(Math.random() * 1000)),
    ...overrides,
  };
}

/** Reads the feed to its current end and returns the cursor there. */
async function feedEnd(request: APIRequestContext): Promise<string | null> {
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const res: Awaited<ReturnType<APIRequestContext["get"]>> = await request.get(`/api/v1/events?limit=1000${cursor ? `&after=${cursor}` : ""}`, {
      headers: auth(token),
    });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { nextCursor: string | null; hasMore: boolean };
    cursor = body.nextCursor;
    if (!body.hasMore) return cursor;
  }
  return cursor;
}

async function expectError(res: { status(): number; json(): Promise<unknown> }, status: number, code: RegExp) {
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toMatch(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message).not.toMatch(/\n\s+at /);
  return body.error;
}

test.describe("integration API", () => {
  test("announce → read → cancel → events", async ({ request }) => {
    const start = await feedEnd(request);
    const order = tradeOrder();

    const created = await request.post("/api/v1/inbound-orders", { headers: auth(token), data: order });
    expect(created.status()).toBe(201);
    const announced = await created.json();
    expect(announced.order).toMatchObject({ externalId: order.externalId, type: "trade", centerCode: "SEL" });
    expect(announced.order.items).toHaveLength(2);

    const replay = await request.post("/api/v1/inbound-orders", { headers: auth(token), data: order });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual(announced);

    const read = await request.get(`/api/v1/inbound-orders/${order.externalId}`, { headers: auth(token) });
    expect(read.status()).toBe(200);
    const view = await read.json();
    expect(view.order.items.map((i: { state: string }) => i.state)).toEqual(["expected", "expected"]);
    expect(view.order.buyer).toMatchObject(order.buyer);

    const cancelled = await request.post(`/api/v1/inbound-orders/${order.externalId}/cancel`, { headers: auth(token), data: { reason: "e2e" } });
    expect(cancelled.status()).toBe(200);
    const answer = await cancelled.json();
    expect(answer.cancelled).toHaveLength(2);
    expect(answer.alreadyReceived).toEqual([]);
    expect(answer.cancelledAt).toBeTruthy();

    const after = await request.get(`/api/v1/inbound-orders/${order.externalId}`, { headers: auth(token) });
    expect((await after.json()).order.items.map((i: { state: string }) => i.state)).toEqual(["cancelled", "cancelled"]);

    // The feed shows the announcement, then both cancellations, each once, in order.
    await expect
      .poll(
        async () => {
          const res = await request.get(`/api/v1/events?limit=1000${start ? `&after=${start}` : ""}`, { headers: auth(token) });
          const page = await res.json();
          return page.events
            .filter((e: { payload: { orderExternalId?: string } }) => e.payload.orderExternalId === order.externalId)
            .map((e: { type: string }) => e.type);
        },
        { timeout: 10_000 },
      )
      .toEqual(["order.announced", "item.cancel", "item.cancel"]);

    // Another center's token cannot see it.
    await expectError(await request.get(`/api/v1/inbound-orders/${order.externalId}`, { headers: auth(otherToken) }), 404, /^not_found/);
  });

  test("answers errors in one shape with fitting statuses", async ({ request }) => {
    await expectError(await request.get("/api/v1/events"), 401, /^unauthorized/);
    await expectError(await request.get("/api/v1/events", { headers: auth("lgt_wrong") }), 401, /^unauthorized:invalid_token/);
    await expectError(
      await request.post("/api/v1/inbound-orders", { headers: { ...auth(token), "content-type": "application/json" }, data: Buffer.from('{"externalId":') }),
      400,
      /^bad_request:malformed_json/,
    );
    const invalid = await expectError(
      await request.post("/api/v1/inbound-orders", { headers: auth(token), data: tradeOrder({ buyer: undefined, items: [{ sku: "X", price: "1" }] }) }),
      422,
      /^validation/,
    );
    expect(invalid.message).toContain("items.0.price");
    expect(invalid.message).toContain("buyer");
    await expectError(await request.post("/api/v1/inbound-orders", { headers: auth(token), data: tradeOrder({ centerCode: "TYO" }) }), 403, /^forbidden:center/);

    const order = tradeOrder();
    expect((await request.post("/api/v1/inbound-orders", { headers: auth(token), data: order })).status()).toBe(201);
    await expectError(await request.post("/api/v1/inbound-orders", { headers: auth(token), data: { ...order, trackingNumber: "CHANGED" } }), 409, /^conflict:external_id/);

    await expectError(await request.get("/api/v1/inbound-orders/NO-SUCH-ORDER", { headers: auth(token) }), 404, /^not_found:order/);
    await expectError(await request.post("/api/v1/items/ITNOTANITEM00/sale", { headers: auth(token), data: { buyer: { id: "b", name: "n", address: "a" } } }), 404, /^not_found:item/);
    await expectError(await request.get("/api/v1/events?after=not-a-cursor", { headers: auth(token) }), 422, /^validation:cursor/);
    await expectError(await request.get("/api/v1/no-such-call", { headers: auth(token) }), 404, /^not_found/);
    await expectError(
      await request.post("/api/v1/inbound-orders", { headers: { ...auth(token), "content-type": "application/json" }, data: JSON.stringify({ pad: "x".repeat(1_100_000) }) }),
      413,
      /^too_large/,
    );
  });

  test("publishes its OpenAPI document and a page for people", async ({ request, page }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/inbound-orders");
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Legit integration API");
    await expect(page.locator("#announceOrder")).toContainText("/api/v1/inbound-orders");
    await expect(page.locator("#listEvents")).toContainText("GET");
  });
});

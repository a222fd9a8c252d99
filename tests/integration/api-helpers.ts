import type { Db } from "@/db/client";
import { createApiClient, type ApiCaller } from "@/lib/api/api-clients";
import { readEventFeed } from "@/lib/api/event-feed";
import type { AnnounceOrderRequest } from "@/lib/api/schemas";
import { createCenter, uniq } from "../helpers/fixtures";

/** Two centers and a client for each (plus one for both), as the API tests need them. */
export async function setUpApiWorld(db: Db) {
  const a = await createCenter(db);
  const b = await createCenter(db);
  const clientA = await createApiClient(db, { name: "Marketplace A", centerIds: [a.id] });
  const clientB = await createApiClient(db, { name: "Marketplace B", centerIds: [b.id] });
  const callerA: ApiCaller = { id: clientA.client.id, name: clientA.client.name, centerIds: [a.id] };
  const callerB: ApiCaller = { id: clientB.client.id, name: clientB.client.name, centerIds: [b.id] };
  return { a, b, tokenA: clientA.token, tokenB: clientB.token, callerA, callerB };
}

export function tradeOrder(centerCode: string, overrides: Partial<AnnounceOrderRequest> = {}): AnnounceOrderRequest {
  return {
    externalId: uniq("MK-"),
    type: "trade",
    centerCode,
    seller: { id: "S-1", name: "Kim Seller", address: "12 Teheran-ro, Seoul" },
    buyer: { id: "B-1", name: "Lee Buyer", address: "221 Sejong-daero, Seoul" },
    items: [
      { sku: "DD1391-100", productName: "Nike Dunk Low Retro White Black", category: "sneakers", size: "270", price: 129000 },
      { sku: "CW2288-111", productName: "Nike Air Force 1 '07 White", category: "sneakers", size: "265", price: 139000 },
    ],
    trackingNumber: uniq("CJ"),
    ...overrides,
  };
}

export function storageOrder(centerCode: string, overrides: Partial<AnnounceOrderRequest> = {}): AnnounceOrderRequest {
  const { buyer: _none, ...order } = tradeOrder(centerCode, { type: "storage", ...overrides });
  return order;
}

/** Calls a route handler the way Next.js does: a real Request and a params promise. */
export async function callRoute(
  handler: (request: Request, context: { params: Promise<Record<string, unknown>> }) => Response | Promise<Response>,
  input: { method?: string; path: string; token?: string; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string>; params?: Record<string, string> },
): Promise<{ status: number; json: any; headers: Headers }> {
  const headers: Record<string, string> = { ...input.headers };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  let body: BodyInit | undefined = input.rawBody;
  if (input.body !== undefined) {
    body = JSON.stringify(input.body);
    headers["content-type"] = "application/json";
  }
  const request = new Request(`http://localhost${input.path}`, {
    method: input.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(input.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Points getDb() — used by the real route files — at the test's database. */
export function routeDbTo(db: Db) {
  (globalThis as unknown as { legitDb?: Promise<unknown> }).legitDb = Promise.resolve({ db, kind: "pglite", close: async () => {} });
}

/**
 * The events feed hands out an event only once every older transaction in the cluster has ended;
 * other test files share the cluster, so wait (bounded) until the given items' events are visible.
 */
export async function waitUntilVisible(db: Db, centerIds: string[], itemIds: string[], timeoutMs = 15_000) {
  const caller: ApiCaller = { id: "test-reader", name: "test reader", centerIds };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = new Set((await readEventFeed(db, caller, { limit: 1000 })).events.map((e) => e.itemId));
    if (itemIds.every((id) => seen.has(id))) return;
    if (Date.now() > deadline) throw new Error("the new events never became visible in the feed");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

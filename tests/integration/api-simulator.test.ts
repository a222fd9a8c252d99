import { eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import * as events from "@/app/api/v1/events/route";
import * as cancel from "@/app/api/v1/inbound-orders/[externalId]/cancel/route";
import * as order from "@/app/api/v1/inbound-orders/[externalId]/route";
import * as orders from "@/app/api/v1/inbound-orders/route";
import * as buyerDecision from "@/app/api/v1/items/[itemId]/buyer-decision/route";
import * as sale from "@/app/api/v1/items/[itemId]/sale/route";
import * as withdrawal from "@/app/api/v1/items/[itemId]/withdrawal/route";
import { loadCatalog } from "@/db/seed/catalog";
import { inboundOrders, inspections, items } from "@/db/schema";
import { MarketplaceSimulator } from "@/scripts/simulator/marketplace-simulator";
import { makeRng } from "@/scripts/simulator/order-generator";
import { applyTransition } from "@/lib/items/apply-transition";
import { describeEachDb } from "../helpers/databases";
import { createUser, uniq } from "../helpers/fixtures";
import { routeDbTo, setUpApiWorld } from "./api-helpers";

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Response | Promise<Response>;
const routes: [string, RegExp, Handler, string?][] = [
  ["POST", /^\/api\/v1\/inbound-orders$/, orders.POST],
  ["GET", /^\/api\/v1\/inbound-orders\/([^/]+)$/, order.GET, "externalId"],
  ["POST", /^\/api\/v1\/inbound-orders\/([^/]+)\/cancel$/, cancel.POST, "externalId"],
  ["POST", /^\/api\/v1\/items\/([^/]+)\/sale$/, sale.POST, "itemId"],
  ["POST", /^\/api\/v1\/items\/([^/]+)\/withdrawal$/, withdrawal.POST, "itemId"],
  ["POST", /^\/api\/v1\/items\/([^/]+)\/buyer-decision$/, buyerDecision.POST, "itemId"],
  ["GET", /^\/api\/v1\/events$/, events.GET],
];

/** Dispatches the simulator's HTTP requests to the real route handlers, as Next.js would. */
const fetchToRoutes = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.origin !== "http://legit.test") throw new Error(`simulator went elsewhere: ${url.origin}`);
  for (const [method, pattern, handler, param] of routes) {
    const match = pattern.exec(url.pathname);
    if (match && method === request.method) {
      return handler(request, { params: Promise.resolve(param ? { [param]: decodeURIComponent(match[1]) } : {}) });
    }
  }
  return new Response("no route", { status: 599 });
}) as typeof fetch;

describeEachDb("marketplace simulator", (use) => {
  let world: Awaited<ReturnType<typeof setUpApiWorld>>;
  beforeAll(async () => {
    world = await setUpApiWorld(use());
    routeDbTo(use());
  });

  const simulator = (overrides: Partial<ConstructorParameters<typeof MarketplaceSimulator>[0]> = {}) =>
    new MarketplaceSimulator({
      baseUrl: "http://legit.test",
      token: world.tokenA,
      centerCode: world.a.code,
      catalog: loadCatalog(),
      ordersPerMinute: 60,
      rng: makeRng(7),
      runId: uniq("SIM-"),
      fetchImpl: fetchToRoutes,
      storedReactionMs: [0, 0],
      decisionReactionMs: [0, 0],
      ...overrides,
    });

  it("announces valid trade and storage orders from the catalog", async () => {
    const sim = simulator({ storageShare: 0.5 });
    for (let i = 0; i < 8; i++) await sim.announceOne();
    const { all, calls } = sim.stats.summarize();
    expect(all.clientErrors + all.serverErrors + all.networkErrors).toBe(0);
    expect(calls.find((c) => c.call === "announce")?.ok).toBe(8);
    const made = await use().select().from(inboundOrders).where(eq(inboundOrders.centerId, world.a.id));
    const mine = made.filter((o) => o.externalId.startsWith(sim["options"].runId));
    expect(mine).toHaveLength(8);
    expect(new Set(mine.map((o) => o.type))).toEqual(new Set(["trade", "storage"]));
    expect(mine.every((o) => (o.type === "trade") === (o.buyer !== null))).toBe(true);
  });

  it("learns states from the events feed and sells or withdraws stored items and answers held ones", async () => {
    const db = use();
    const sim = simulator({ storageShare: 0.5, rng: makeRng(3) });
    for (let i = 0; i < 6; i++) await sim.announceOne();
    await sim.pollEvents();
    const mine = (await db.select().from(inboundOrders).where(eq(inboundOrders.centerId, world.a.id))).filter((o) => o.externalId.startsWith(sim["options"].runId));
    const units = await db.select().from(items).where(inArray(items.orderId, mine.map((o) => o.id)));
    const stored = units.find((u) => u.type === "storage")!;
    const held = units.find((u) => u.type === "trade")!;
    const inspector = await createUser(db, world.a.id, "inspector");
    const step = (itemId: string, action: Parameters<typeof applyTransition>[1]["action"], details?: Record<string, unknown>) =>
      db.transaction((tx) => applyTransition(tx, { itemId, action, actor: { userId: inspector.id }, details, set: action === "receive" ? { code: uniq("IT").toUpperCase() } : {} }));
    for (const action of ["receive", "claim", "pass", "route_storage", "putaway"] as const) await step(stored.id, action);
    for (const action of ["receive", "claim"] as const) await step(held.id, action);
    await db.insert(inspections).values({ itemId: held.id, centerId: world.a.id, inspectorId: inspector.id, status: "done", verdict: "pass_minor_defect", submittedAt: new Date() });
    await step(held.id, "hold", { verdict: "pass_minor_defect", awaitingBuyerDecision: true });

    // Events can lag a moment behind other transactions on a shared server.
    for (let i = 0; i < 40 && sim.counts.sales + sim.counts.withdrawals + sim.counts.decisions < 2; i++) {
      await sim.pollEvents();
      await sim.runDue(Date.now() + 1);
      await sim.settle();
      if (sim.counts.sales + sim.counts.withdrawals + sim.counts.decisions < 2) await new Promise((r) => setTimeout(r, 25));
    }
    const [storedAfter] = await db.select().from(items).where(eq(items.id, stored.id));
    const [heldAfter] = await db.select().from(items).where(eq(items.id, held.id));
    expect(storedAfter.state).toBe("awaiting_pick");
    expect(heldAfter.state).toBe("awaiting_pack");
    expect(sim.counts.decisions).toBe(1);
    expect(sim.counts.sales + sim.counts.withdrawals).toBe(1);
    const { all } = sim.stats.summarize();
    expect(all.clientErrors + all.serverErrors + all.networkErrors).toBe(0);
  });

  it("runs for the time given at the rate given, then stops", async () => {
    const sim = simulator({ ordersPerMinute: 600, pollIntervalMs: 200 });
    const started = Date.now();
    await sim.run({ durationMs: 1500 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1500);
    expect(took).toBeLessThan(10_000);
    // 600/min for 1.5 s is about 15 orders (random arrivals).
    expect(sim.counts.announced).toBeGreaterThan(4);
    expect(sim.counts.announced).toBeLessThan(40);
    const { calls, all } = sim.stats.summarize();
    expect(calls.find((c) => c.call === "events")?.ok).toBeGreaterThan(2);
    expect(all.clientErrors + all.serverErrors + all.networkErrors).toBe(0);
  });
});

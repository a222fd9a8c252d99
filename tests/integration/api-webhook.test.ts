import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { webhookDeliveries, webhookRelayPositions } from "@/db/schema";
import { listAdminEvents } from "@/lib/admin/admin-events";
import { retryWebhookNow } from "@/lib/admin/api-client-admin";
import { createApiClient, revokeApiClient, type ApiCaller } from "@/lib/api/api-clients";
import { readEventFeed } from "@/lib/api/event-feed";
import { webhookBatchSchema, type WebhookBatch } from "@/lib/api/schemas";
import { relayOnce } from "@/lib/api/webhook-relay";
import { verifyWebhookSignature } from "@/lib/api/webhook-signature";
import { applyTransition } from "@/lib/items/apply-transition";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";
import { ctxOf } from "./inspection-fixtures";
import { waitUntilVisible } from "./api-helpers";

type Received = { headers: IncomingHttpHeaders; body: string; batch: WebhookBatch };

/** A webhook receiver on 127.0.0.1 that fails its first `failFirst` requests with 500. */
async function startReceiver(options: { failFirst?: number; delayMs?: number } = {}) {
  const received: Received[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      setTimeout(() => {
        calls++;
        if (calls <= (options.failFirst ?? 0)) {
          res.writeHead(500).end("receiver down");
          return;
        }
        received.push({ headers: req.headers, body, batch: webhookBatchSchema.parse(JSON.parse(body)) });
        res.writeHead(204).end();
      }, options.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/legit`;
  return { url, received, calls: () => calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describeEachDb("webhook relay", (use) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  let t0: Date;
  beforeAll(() => {
    t0 = new Date();
  });

  /** A center, a receiver, and a client with a webhook pointing at it; `moves` item changes made after. */
  async function setUp(receiverOptions: Parameters<typeof startReceiver>[0] = {}) {
    const db = use();
    const center = await createCenter(db);
    const receiver = await startReceiver(receiverOptions);
    const created = await createApiClient(db, { name: "Hooked", centerIds: [center.id], webhookUrl: receiver.url });
    cleanups.push(receiver.close, () => revokeApiClient(db, "console", created.client.id));
    const caller: ApiCaller = { id: created.client.id, name: "Hooked", centerIds: [center.id] };
    const move = async (count: number) => {
      const units = await createOrderWithItems(db, center.id, Array.from({ length: count }, () => "expected" as const));
      for (const unit of units) await db.transaction((tx) => applyTransition(tx, { itemId: unit.id, action: "receive", actor: {} }));
      await waitUntilVisible(db, [center.id], units.map((u) => u.id));
      return units;
    };
    return { db, center, receiver, client: created.client, secret: created.webhookSecret!, caller, move };
  }

  it("pushes new events in order, signed with the client's secret, and only once", async () => {
    const { db, receiver, secret, caller, move, client } = await setUp();
    const units = await move(3);
    const report = await relayOnce(db, { now: t0 });
    expect(report.failures.filter((f) => f.apiClientId === client.id)).toEqual([]);
    expect(receiver.received).toHaveLength(1);
    const [{ headers, body, batch }] = receiver.received;
    expect(verifyWebhookSignature(secret, body, headers["x-legit-signature"] as string)).toBe(true);
    expect(verifyWebhookSignature("whsec_wrong", body, headers["x-legit-signature"] as string)).toBe(false);
    expect(headers["x-legit-timestamp"]).toBe(String(Math.floor(t0.getTime() / 1000)));
    expect(headers["x-legit-delivery"]).toBe(batch.deliveryId);
    expect(batch.events.map((e) => [e.type, e.itemId])).toEqual(units.map((u) => ["item.receive", u.id]));
    // The same events, in the same order, as the polling feed gives.
    const feed = await readEventFeed(db, caller, { limit: 100 });
    expect(batch.events).toEqual(feed.events);

    await relayOnce(db, { now: new Date(t0.getTime() + 1000) });
    expect(receiver.received).toHaveLength(1);
    const more = await move(1);
    await relayOnce(db, { now: new Date(t0.getTime() + 2000) });
    expect(receiver.received.map((r) => r.batch.events.map((e) => e.itemId))).toEqual([units.map((u) => u.id), [more[0].id]]);
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.apiClientId, client.id));
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ["delivered", 1],
      ["delivered", 1],
    ]);
  });

  it("retries a failing endpoint with exponential back-off, records each failure, then delivers the same batch", async () => {
    const { db, receiver, client, move } = await setUp({ failFirst: 2 });
    const units = await move(2);
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

    const first = await relayOnce(db, { now: at(0) });
    expect(first.failures.find((f) => f.apiClientId === client.id)).toMatchObject({ attempts: 1, nextAttemptAt: at(5), error: expect.stringContaining("HTTP 500") });
    const [position] = await db.select().from(webhookRelayPositions).where(eq(webhookRelayPositions.apiClientId, client.id));
    expect(position).toMatchObject({ attempts: 1, nextAttemptAt: at(5), lastError: expect.stringContaining("receiver down"), leaseOwner: null });
    const [failed] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.apiClientId, client.id));
    expect(failed).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("HTTP 500") });

    await relayOnce(db, { now: at(4) }); // still backing off: no request
    expect(receiver.calls()).toBe(1);
    const second = await relayOnce(db, { now: at(5) });
    expect(second.failures.find((f) => f.apiClientId === client.id)).toMatchObject({ attempts: 2, nextAttemptAt: at(15) });
    await relayOnce(db, { now: at(14) });
    expect(receiver.calls()).toBe(2);
    await relayOnce(db, { now: at(15) });
    expect(receiver.calls()).toBe(3);

    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].batch.events.map((e) => e.itemId)).toEqual(units.map((u) => u.id));
    const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.apiClientId, client.id));
    expect(rows).toMatchObject([{ id: receiver.received[0].batch.deliveryId, status: "delivered", attempts: 3, lastError: null }]);
    const [after] = await db.select().from(webhookRelayPositions).where(eq(webhookRelayPositions.apiClientId, client.id));
    expect(after).toMatchObject({ attempts: 0, nextAttemptAt: null, lastError: null });
  });

  it("'retry now' from the desk cuts the back-off short: the next pass delivers, in order, and the retry is audited", async () => {
    const { db, center, receiver, client, move } = await setUp({ failFirst: 3 });
    const units = await move(2);
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    await relayOnce(db, { now: at(0) });
    await relayOnce(db, { now: at(5) });
    await relayOnce(db, { now: at(15) }); // three failures: the next try is 20 s later (at 35 s)
    expect(receiver.calls()).toBe(3);
    const manager = await createUser(db, center.id, "manager");
    const operator = await createUser(db, center.id, "operator");
    await expect(retryWebhookNow(db, ctxOf(operator), client.id)).rejects.toMatchObject({ code: "forbidden:role" });
    const stranger = await createUser(db, (await createCenter(db)).id, "manager");
    await expect(retryWebhookNow(db, ctxOf(stranger), client.id)).rejects.toMatchObject({ code: "not_found:api_client" });

    expect(await retryWebhookNow(db, ctxOf(manager), client.id)).toEqual({ retried: true, attempts: 3 });
    await relayOnce(db, { now: at(16) }); // well before 35 s
    expect(receiver.calls()).toBe(4);
    expect(receiver.received.map((r) => r.batch.events.map((e) => e.itemId))).toEqual([units.map((u) => u.id)]);
    expect(await retryWebhookNow(db, ctxOf(manager), client.id)).toEqual({ retried: false, attempts: 0 });
    const [entry] = await listAdminEvents(db, center.id, { limit: 1 });
    expect(entry).toMatchObject({ action: "api_client_webhook_retried", targetId: client.id, actorName: manager.name, details: { attempts: 3 } });
  });

  it("delivers each event once when several relays run at the same moment", async () => {
    const { db, receiver, move } = await setUp({ delayMs: 50 });
    const units = await move(12);
    await Promise.all(Array.from({ length: 4 }, (_, i) => relayOnce(db, { now: t0, owner: `relay-${i}`, batchSize: 5 })));
    // Whatever is left (a relay that found the lease taken skipped it) goes out on the next pass.
    for (let i = 0; i < 3; i++) await relayOnce(db, { now: t0, batchSize: 5 });
    const ids = receiver.received.flatMap((r) => r.batch.events.map((e) => e.itemId));
    expect(ids).toEqual(units.map((u) => u.id));
  });

  it("leaves a client alone while another relay holds its lease, and takes over when the lease runs out", async () => {
    const { db, receiver, client, move } = await setUp();
    await move(1);
    // A relay that crashed mid-batch: its lease is still running.
    await db
      .update(webhookRelayPositions)
      .set({ leaseOwner: "crashed-relay", leaseUntil: new Date(t0.getTime() + 60_000) })
      .where(eq(webhookRelayPositions.apiClientId, client.id));
    await relayOnce(db, { now: t0 });
    expect(receiver.received).toHaveLength(0);
    await relayOnce(db, { now: new Date(t0.getTime() + 61_000) });
    expect(receiver.received).toHaveLength(1);
  });

  it("starts a new webhook at the current end of the feed and never sends other centers' events", async () => {
    const db = use();
    const center = await createCenter(db);
    const [old] = await createOrderWithItems(db, center.id, ["expected"]);
    await db.transaction((tx) => applyTransition(tx, { itemId: old.id, action: "receive", actor: {} }));
    await waitUntilVisible(db, [center.id], [old.id]);
    const receiver = await startReceiver();
    const created = await createApiClient(db, { name: "Late", centerIds: [center.id], webhookUrl: receiver.url });
    cleanups.push(receiver.close, () => revokeApiClient(db, "console", created.client.id));
    const other = await createCenter(db);
    const [elsewhere] = await createOrderWithItems(db, other.id, ["expected"]);
    await db.transaction((tx) => applyTransition(tx, { itemId: elsewhere.id, action: "receive", actor: {} }));
    await db.transaction((tx) => applyTransition(tx, { itemId: old.id, action: "claim", actor: {} }));
    // The claim is the newest event: wait until it too is past every older running transaction.
    await expect.poll(async () => (await readEventFeed(db, { id: "t", name: "t", centerIds: [center.id] }, { limit: 1000 })).events.length).toBe(2);
    await relayOnce(db, { now: t0 });
    expect(receiver.received.flatMap((r) => r.batch.events.map((e) => e.type))).toEqual(["item.claim"]);
  });

  it("stops pushing to a revoked client", async () => {
    const { db, receiver, client, move } = await setUp();
    await revokeApiClient(db, "console", client.id);
    await move(1);
    await relayOnce(db, { now: t0 });
    expect(receiver.calls()).toBe(0);
  });
}, {
  // Items are walked with applyTransition alone (a claim here opens no inspection): the feed and the
  // relay are under test, not the inspection flow.
  invariants: false,
});

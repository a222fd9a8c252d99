import { readdir } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import bcrypt from "bcryptjs";
import { afterEach, beforeAll, expect, it } from "vitest";
import * as scanRoute from "@/app/api/station/receiving/scan/route";
import * as inspectionPhotoRoute from "@/app/api/station/inspection/photos/route";
import * as orders from "@/app/api/v1/inbound-orders/route";
import * as order from "@/app/api/v1/inbound-orders/[externalId]/route";
import { inboundOrders, inspectionPhotos, users, webhookRelayPositions } from "@/db/schema";
import { createApiClient } from "@/lib/api/api-clients";
import { relayOnce } from "@/lib/api/webhook-relay";
import { bumpSessionVersion, sessionIsCurrent } from "@/lib/auth/session-version";
import { maxFailedAttempts, verifyBadgeLogin } from "@/lib/auth/verify-login";
import { releaseClaim } from "@/lib/inspection/claims";
import { addPhoto } from "@/lib/inspection/inspection-photos";
import { readPhotoUpload } from "@/lib/http/read-photo-upload";
import { LocalPhotoStore } from "@/lib/photos/local-photo-store";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser, uniq } from "../helpers/fixtures";
import { callRoute, routeDbTo, setUpApiWorld, tradeOrder, waitUntilVisible } from "./api-helpers";
import { claimedItem, ctxOf, inspectionCenter, jpegBytes, tempPhotoStore } from "./inspection-fixtures";
import { applyTransition } from "@/lib/items/apply-transition";
import { env } from "@/lib/env";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describeEachDb("security guards", (use) => {
  let world: Awaited<ReturnType<typeof setUpApiWorld>>;
  beforeAll(async () => {
    world = await setUpApiWorld(use());
    routeDbTo(use());
  });

  it("refuses forged station writes (other origin, other port, text/plain form) before anything else runs", async () => {
    const body = JSON.stringify({ scanId: randomUUID(), code: "CJ123456789" });
    const call = (headers: Record<string, string>) => callRoute(scanRoute.POST, { path: "/api/station/receiving/scan", rawBody: body, headers: { host: "localhost", ...headers } });
    const evil = await call({ "content-type": "application/json", origin: "http://evil.example" });
    expect(evil.status).toBe(403);
    expect(evil.json.error.code).toBe("forbidden:cross_site");
    expect((await call({ "content-type": "application/json", origin: "http://localhost:4000", "sec-fetch-site": "same-site" })).status).toBe(403);
    const form = await call({ "content-type": "text/plain" });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe("unsupported_media_type");
    // A photo upload must be multipart, and JSON is not accepted there.
    expect((await callRoute(inspectionPhotoRoute.POST, { path: "/api/station/inspection/photos", body: {}, headers: { host: "localhost" } })).status).toBe(415);
  });

  it("refuses NUL bytes and lone surrogates anywhere in an API body, path or query with 422 and stores nothing", async () => {
    for (const bad of ["a\u0000b", "\ud800", "x\udfff"]) {
      const request = tradeOrder(world.a.code, { seller: { id: "S-1", name: bad } });
      const res = await callRoute(orders.POST, { path: "/api/v1/inbound-orders", body: request, token: world.tokenA });
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.json.error.code).toBe("validation:text");
      expect(await use().select().from(inboundOrders).where(eq(inboundOrders.externalId, request.externalId))).toHaveLength(0);
    }
    const path = await callRoute(order.GET, { path: "/api/v1/inbound-orders/x", token: world.tokenA, params: { externalId: "MK-\u0000" } });
    expect(path.status).toBe(422);
    const query = await callRoute(order.GET, { path: "/api/v1/inbound-orders/x?q=%00", token: world.tokenA, params: { externalId: "MK-1" } });
    expect(query.status).toBe(422);
    const notUtf8 = await callRoute(orders.POST, { path: "/api/v1/inbound-orders", rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), headers: { "content-type": "application/json" }, token: world.tokenA });
    expect(notUtf8.status).toBe(400);
  });

  it("stores prices above 2^31 (a KRW watch) exactly, and refuses prices above the schema's bound with 422", async () => {
    const request = tradeOrder(world.a.code, { items: [{ sku: "5711/1A", productName: "Nautilus", category: "watches", size: "40mm", price: 9_500_000_000 }] });
    const res = await callRoute(orders.POST, { path: "/api/v1/inbound-orders", body: request, token: world.tokenA });
    expect(res.status).toBe(201);
    expect(res.json.order.items[0].price).toBe(9_500_000_000);
    const tooMuch = tradeOrder(world.a.code, { items: [{ ...request.items[0], price: 2 ** 53 }] });
    expect((await callRoute(orders.POST, { path: "/api/v1/inbound-orders", body: tooMuch, token: world.tokenA })).status).toBe(422);
  });

  it("scopes externalIds to their API client: the same id elsewhere is another order, and reading it is 404", async () => {
    const shared = await createApiClient(use(), { name: "Second client, same center", centerIds: [world.a.id] });
    const request = tradeOrder(world.a.code);
    expect((await callRoute(orders.POST, { path: "/api/v1/inbound-orders", body: request, token: world.tokenA })).status).toBe(201);
    const peek = await callRoute(order.GET, { path: `/api/v1/inbound-orders/${request.externalId}`, token: shared.token, params: { externalId: request.externalId } });
    expect(peek.status).toBe(404);
    const own = await callRoute(orders.POST, { path: "/api/v1/inbound-orders", body: { ...request, trackingNumber: uniq("CJ") }, token: shared.token });
    expect(own.status).toBe(201);
    expect(await use().select().from(inboundOrders).where(eq(inboundOrders.externalId, request.externalId))).toHaveLength(2);
  });

  it("counts a login attempt before comparing: 19 wrong PINs and the right one last, in parallel, stay locked", async () => {
    const badge = `EMP-${Date.now() % 1e9}${Math.floor(Math.random() * 100)}`;
    // A slow hash (as in production), so the wrong tries are still being compared when the right one arrives.
    const user = await createUser(use(), world.a.id, "operator", { badgeCode: badge, pinHash: await bcrypt.hash("4821", 11) });
    const wrong = Array.from({ length: 19 }, () => {
      const attempt = verifyBadgeLogin(use(), { badge, pin: "0000" });
      attempt.catch(() => {}); // settled below; not an unhandled rejection while the loop waits
      return attempt;
    });
    // The right PIN goes last: once five wrong tries are counted, or at the latest while they are still being compared.
    const deadline = Date.now() + 150;
    while (Date.now() < deadline) {
      const [row] = await use().select().from(users).where(eq(users.id, user.id));
      if (row.failedAttempts >= maxFailedAttempts || row.lockedUntil) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const right = verifyBadgeLogin(use(), { badge, pin: "4821" });
    const results = await Promise.allSettled([...wrong, right]);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect((results[19] as PromiseRejectedResult).reason.code).toBe("locked:account");
  });

  it("compares at most five PINs of a burst of 100", async () => {
    const badge = `EMP-${(Date.now() + 13) % 1e9}${Math.floor(Math.random() * 100)}`;
    await createUser(use(), world.a.id, "operator", { badgeCode: badge, pinHash: await bcrypt.hash("4821", 10) });
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => verifyBadgeLogin(use(), { badge, pin: "0000" })));
    const codes = results.map((r) => (r as PromiseRejectedResult).reason.code);
    // Only a compared PIN can answer "wrong details"; every other try was refused by the lock unchecked.
    expect(codes.filter((c) => c === "unauthorized:credentials").length).toBeLessThanOrEqual(maxFailedAttempts - 1);
    expect(codes.filter((c) => c === "locked:account").length).toBeGreaterThanOrEqual(100 - maxFailedAttempts);
    const [row] = await use().select().from(users).where(eq(users.badgeCode, badge));
    expect(row.lockedUntil).not.toBeNull();
  });

  it("ends every session of a user when the session version is bumped", async () => {
    const user = await createUser(use(), world.a.id, "manager", { email: `${uniq("m")}@legit.test` });
    expect(sessionIsCurrent(user, 0)).toBe(true);
    expect(sessionIsCurrent(user, undefined)).toBe(false);
    expect(await bumpSessionVersion(use(), user.id)).toBe(1);
    const [after] = await use().select().from(users).where(eq(users.id, user.id));
    expect(sessionIsCurrent(after, 0)).toBe(false);
    expect(sessionIsCurrent(after, 1)).toBe(true);
  });

  it("removes a stored photo when recording it fails (the claim was released during the upload)", async () => {
    const db = use();
    const { inspector } = await inspectionCenter(db);
    const ctx = ctxOf(inspector);
    const { item, inspectionId } = await claimedItem(db, ctx);
    const base = await tempPhotoStore();
    // The claim is released while the file is being written: the record under the lock is refused.
    const racing = Object.assign(Object.create(LocalPhotoStore.prototype), base, {
      put: async (key: string, bytes: Uint8Array, type: string) => {
        await base.put(key, bytes, type);
        await releaseClaim(db, ctx, { itemId: item.id });
      },
    }) as LocalPhotoStore;
    await expect(addPhoto(db, racing, ctx, { inspectionId, bytes: jpegBytes(), contentType: "image/jpeg" })).rejects.toMatchObject({ kind: "conflict" });
    const files = await readdir(base.dir, { recursive: true, withFileTypes: true });
    expect(files.filter((f) => f.isFile())).toEqual([]);
    expect(await db.select().from(inspectionPhotos).where(eq(inspectionPhotos.inspectionId, inspectionId))).toHaveLength(0);
  });

  it("refuses a chunked upload as soon as it passes the limit, without reading it whole", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/station/inspection/photos", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    } as RequestInit);
    await expect(readPhotoUpload(request)).rejects.toMatchObject({ code: "too_large:photo" });
    expect(pulled).toBeLessThan(20);
  });

  it("takes over a dead relay's lease within 15 seconds", async () => {
    const db = use();
    const center = await createCenter(db);
    const received: unknown[] = [];
    const created = await createApiClient(db, { name: "Hooked", centerIds: [center.id], webhookUrl: "http://127.0.0.1:9/hook" });
    const [unit] = await createOrderWithItems(db, center.id, ["expected"]);
    await db.transaction((tx) => applyTransition(tx, { itemId: unit.id, action: "receive", actor: {} }));
    await waitUntilVisible(db, [center.id], [unit.id]);
    const t0 = new Date("2030-01-01T00:00:00Z");
    // A relay that hangs mid-delivery (its process died): its lease stays until it runs out.
    void relayOnce(db, { now: t0, owner: "dead", fetchImpl: () => new Promise<Response>(() => {}) });
    await expect.poll(async () => (await db.select().from(webhookRelayPositions).where(eq(webhookRelayPositions.apiClientId, created.client.id)))[0]?.leaseOwner).toBe("dead");
    const ok = async () => (received.push(1), new Response("ok"));
    expect((await relayOnce(db, { now: new Date(t0.getTime() + 14_000), fetchImpl: ok })).deliveredEvents).toBe(0);
    expect((await relayOnce(db, { now: new Date(t0.getTime() + 15_001), fetchImpl: ok })).deliveredEvents).toBeGreaterThan(0);
    await db.update(webhookRelayPositions).set({ leaseOwner: null, leaseUntil: null }).where(and(eq(webhookRelayPositions.apiClientId, created.client.id)));
  });

  it("refuses webhook targets on private addresses when set, and again at delivery", async () => {
    const db = use();
    const previous = env.LEGIT_WEBHOOK_ALLOW_PRIVATE;
    cleanups.push(() => (env.LEGIT_WEBHOOK_ALLOW_PRIVATE = previous));
    const center = await createCenter(db);
    // Made while allowed (say the setting was on), then the setting is turned off.
    const created = await createApiClient(db, { name: "Metadata", centerIds: [center.id], webhookUrl: "http://169.254.169.254/latest" });
    env.LEGIT_WEBHOOK_ALLOW_PRIVATE = "0";
    await expect(createApiClient(db, { name: "Loopback", centerIds: [center.id], webhookUrl: "http://127.0.0.1:8080/h" })).rejects.toMatchObject({
      code: "validation:webhook_private_address",
    });
    const [unit] = await createOrderWithItems(db, center.id, ["expected"]);
    await db.transaction((tx) => applyTransition(tx, { itemId: unit.id, action: "receive", actor: {} }));
    await waitUntilVisible(db, [center.id], [unit.id]);
    let sent = 0;
    const report = await relayOnce(db, { now: new Date("2031-01-01T00:00:00Z"), fetchImpl: async () => (sent++, new Response("ok")) });
    expect(sent).toBe(0);
    expect(report.failures.find((f) => f.apiClientId === created.client.id)?.error).toMatch(/private/);
  });
});

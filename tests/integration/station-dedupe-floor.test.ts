import { readdir } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { adminEvents, apiClients, cycleCountScans, itemEvents, items, quarantineActions, users, type Item, type User } from "@/db/schema";
import { createApiClient, type ApiCaller } from "@/lib/api/api-clients";
import { reportSale } from "@/lib/orders/item-actions";
import { readCenterSettings } from "@/lib/admin/center-settings";
import { readPickQueue } from "@/lib/dispatch/pick-queue";
import type { LocalPhotoStore } from "@/lib/photos/local-photo-store";
import { applyTransition } from "@/lib/items/apply-transition";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems, createUser, uniq } from "../helpers/fixtures";
import { post, serveRoutesFrom, session, staffOf, twice } from "../helpers/station-routes";
import { binOf, dispatchWorld, eventsOf, freshCode, itemNow, storedItem, type DispatchWorld } from "./dispatch-fixtures";
import { jpegBytes, tempPhotoStore } from "./inspection-fixtures";

/**
 * The storage, dispatch and desk admin routes, called as Next calls them (staffRoute, the screens'
 * JSON), each sent twice with one scan id as a station retries after a lost answer: the second
 * answer is the first one, and the work is done once. A refusal is answered the same way again.
 * The signed-in user is given directly (the session cookie is Auth.js's business, tested in e2e).
 */
vi.mock("@/lib/auth/current-staff", async () => (await import("../helpers/station-routes")).currentStaffStandIn);

/** One action sent twice with one scan id (a retry after a lost answer): one success, answered twice alike. */
const twiceAlike = async (...[route, body, opts]: Parameters<typeof twice>) => (await twice(route, body, { ...opts, alike: true })).first;

const sid = () => uniq("scan-");
const eventCount = async (db: Db, itemId: string, action: string) =>
  (await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, itemId), eq(itemEvents.action, action)))).length;

describeEachDb("storage, dispatch and admin routes answer a repeated scan id once", (use) => {
  let w: DispatchWorld;
  let caller: ApiCaller;
  let admin: User;
  let store: LocalPhotoStore;
  const as = async (user: User) => {
    session.staff = await staffOf(use(), user);
  };

  beforeAll(async () => {
    const db = use();
    store = await tempPhotoStore();
    serveRoutesFrom(db, store);
    w = await dispatchWorld(db);
    admin = await createUser(db, w.center.id, "admin", { email: `${uniq("admin")}@t.test` });
    const client = await createApiClient(db, { name: "Marketplace", centerIds: [w.center.id] });
    caller = { id: client.client.id, name: client.client.name, centerIds: [w.center.id] };
  });

  const sold = async (bin = w.bins[0]) => {
    const item = await storedItem(use(), bin);
    await reportSale(use(), caller, item.id, { buyer: { id: "B-1", name: "Lee Buyer", address: "Seoul" } });
    return item;
  };
  const readyToPack = async (): Promise<Item> => {
    const db = use();
    const [item] = await createOrderWithItems(db, w.center.id, ["passed"]);
    await db.update(items).set({ code: freshCode() }).where(eq(items.id, item.id));
    await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "route_trade", actor: { userId: w.manager.id }, set: { destination: "buyer" } }));
    return itemNow(db, item.id);
  };

  describe("storage", () => {
    it("move: moved once, one move event", async () => {
      const { POST } = await import("@/app/api/station/storage/move/route");
      const item = await storedItem(use(), w.bins[0]);
      await as(w.operator);
      const before = (await binOf(use(), w.bins[1].id)).occupied;
      const answer = await twiceAlike(POST, { scanId: sid(), itemCode: item.code, binCode: w.bins[1].code });
      expect(answer).toMatchObject({ to: { code: w.bins[1].code } });
      expect((await binOf(use(), w.bins[1].id)).occupied).toBe(before + 1);
      expect(await eventCount(use(), item.id, "move")).toBe(1);
    });

    it("putaway: stored once", async () => {
      const { POST } = await import("@/app/api/station/storage/putaway/route");
      const [item] = await createOrderWithItems(use(), w.center.id, ["awaiting_putaway"], { type: "storage" });
      await as(w.operator);
      const before = (await binOf(use(), w.bins[2].id)).occupied;
      await twiceAlike(POST, { scanId: sid(), itemCode: item.code, binCode: w.bins[2].code });
      expect((await binOf(use(), w.bins[2].id)).occupied).toBe(before + 1);
      expect(await itemNow(use(), item.id)).toMatchObject({ state: "stored", binId: w.bins[2].id });
    });

    it("count: start, an item, finish and the manager's resolution — each once", async () => {
      const start = (await import("@/app/api/station/storage/counts/start/route")).POST;
      const scanItem = (await import("@/app/api/station/storage/counts/scan/route")).POST;
      const submit = (await import("@/app/api/station/storage/counts/submit/route")).POST;
      const resolve = (await import("@/app/api/station/storage/counts/resolve/route")).POST;
      const bin = w.bins[4];
      const kept = await storedItem(use(), bin);
      const lost = await storedItem(use(), bin);
      await as(w.operator);
      const started = await twiceAlike(start, { scanId: sid(), binCode: bin.code });
      const countId = started.countId as string;
      // A second item scan with its own id (a new physical scan of the same code) is a duplicate, not a retry.
      const counted = await twiceAlike(scanItem, { scanId: sid(), countId, itemCode: kept.code });
      expect(counted).toMatchObject({ scanned: 1, duplicate: false });
      expect(await use().select().from(cycleCountScans).where(eq(cycleCountScans.countId, countId))).toHaveLength(1);
      const submitted = await twiceAlike(submit, { scanId: sid(), countId });
      expect(submitted).toMatchObject({ status: "submitted", scanned: 1 });

      const { cycleCountDifferences } = await import("@/db/schema");
      const [difference] = await use().select().from(cycleCountDifferences).where(eq(cycleCountDifferences.countId, countId));
      expect(difference).toMatchObject({ kind: "missing", itemId: lost.id });
      await as(w.manager);
      await twiceAlike(resolve, { scanId: sid(), differenceId: difference.id, resolution: "marked_missing" });
      expect(await itemNow(use(), lost.id)).toMatchObject({ state: "missing" });
      expect(await eventCount(use(), lost.id, "mark_missing")).toBe(1);
      expect(await use().select().from(adminEvents).where(and(eq(adminEvents.targetId, countId), eq(adminEvents.action, "count_difference_resolved")))).toHaveLength(1);
    });

    it("the manager's bins, pick path, bin deactivation and count plan: each once", async () => {
      const create = (await import("@/app/api/station/storage/bins/route")).POST;
      const path = (await import("@/app/api/station/storage/bins/path/route")).POST;
      const active = (await import("@/app/api/station/storage/bins/active/route")).POST;
      const plan = (await import("@/app/api/station/storage/counts/plan/route")).POST;
      const { bins, cycleCounts } = await import("@/db/schema");
      await as(w.manager);
      const made = await twiceAlike(create, { scanId: sid(), zoneCode: "DD", aisles: { from: 1, to: 1 }, racks: { from: 1, to: 1 }, levels: { from: 1, to: 3 }, sizeClass: "M", capacity: 3 });
      expect(made).toMatchObject({ created: 3 });
      const zoneBins = (await use().select().from(bins).where(eq(bins.centerId, w.center.id))).filter((b) => b.code.startsWith("BIN-DD-"));
      expect(zoneBins).toHaveLength(3);
      await twiceAlike(path, { scanId: sid(), zoneCode: "DD", style: "straight" });
      await twiceAlike(active, { scanId: sid(), binCode: zoneBins[0].code, active: false });
      const planned = await twiceAlike(plan, { scanId: sid(), scope: "zone", zoneCode: "DD" });
      expect(planned).toMatchObject({ planned: 2 });
      expect((await use().select().from(cycleCounts).where(eq(cycleCounts.centerId, w.center.id))).filter((c) => zoneBins.some((b) => b.id === c.binId))).toHaveLength(2);
      // One administration log row per change, not one per request.
      const logged = await use().select().from(adminEvents).where(eq(adminEvents.centerId, w.center.id));
      const actions = logged.filter((e) => e.targetId === "DD" || e.targetId === zoneBins[0].code).map((e) => e.action).sort();
      expect(actions).toEqual(["bin_deactivated", "bins_created", "counts_planned", "zone_path_changed"]);
    });

    it("a refusal is answered the same on the repeat (a bin of another size class)", async () => {
      const { POST } = await import("@/app/api/station/storage/putaway/route");
      const [item] = await createOrderWithItems(use(), w.center.id, ["awaiting_putaway"], { type: "storage" });
      await as(w.operator);
      const body = { scanId: sid(), itemCode: item.code, binCode: w.quarantineBins[0].code };
      const first = await post(POST, body);
      const second = await post(POST, body);
      expect(first.status).toBeGreaterThanOrEqual(400);
      expect(first.status).toBeLessThan(500);
      expect(second).toEqual(first);
    });
  });

  describe("dispatch", () => {
    it("pick: claim, bin, item and a short pick — each once", async () => {
      const claim = (await import("@/app/api/station/dispatch/pick-lists/claim/route")).POST;
      const pickScan = (await import("@/app/api/station/dispatch/pick-lists/scan/route")).POST;
      const short = (await import("@/app/api/station/dispatch/pick-lists/short/route")).POST;
      const resolveShort = (await import("@/app/api/station/dispatch/short-picks/resolve/route")).POST;
      const bin = w.bins[3];
      const picked = await sold(bin);
      const missing = await sold(bin);
      const list = (await readPickQueue(use(), w.op)).find((l) => l.status === "open")!;
      await as(w.operator);
      const claimed = await twiceAlike(claim, { scanId: sid(), pickListId: list.id });
      expect(claimed).toMatchObject({ id: list.id });
      await twiceAlike(pickScan, { scanId: sid(), pickListId: list.id, code: bin.code });
      const occupied = (await binOf(use(), bin.id)).occupied;
      await twiceAlike(pickScan, { scanId: sid(), pickListId: list.id, code: picked.code });
      expect((await binOf(use(), bin.id)).occupied).toBe(occupied - 1);
      expect(await eventCount(use(), picked.id, "pick")).toBe(1);

      const lines = claimed.lines as { id: string; itemId: string }[];
      const line = lines.find((l) => l.itemId === missing.id)!;
      const answer = await twiceAlike(short, { scanId: sid(), pickListId: list.id, lineId: line.id });
      expect((answer.list as { lines: { id: string; status: string }[] }).lines.find((l) => l.id === line.id)?.status).toBe("short");
      await as(w.manager);
      await twiceAlike(resolveShort, { scanId: sid(), lineId: line.id, note: "behind the bin" });
    });

    it("pack: one parcel number issued, packed once", async () => {
      const { POST } = await import("@/app/api/station/dispatch/pack/item/route");
      const item = await readyToPack();
      await as(w.operator);
      const answer = await twiceAlike(POST, { scanId: sid(), itemId: item.id, carrier: "CJ" });
      expect(answer.trackingNumber).toMatch(/^6890\d{8}$/);
      expect(await eventCount(use(), item.id, "pack")).toBe(1);
    });

    it("handover: open, add the parcel and close — one manifest, dispatched once", async () => {
      const pack = (await import("@/app/api/station/dispatch/pack/item/route")).POST;
      const open = (await import("@/app/api/station/dispatch/manifests/open/route")).POST;
      const add = (await import("@/app/api/station/dispatch/manifests/add/route")).POST;
      const close = (await import("@/app/api/station/dispatch/manifests/close/route")).POST;
      const item = await readyToPack();
      await as(w.operator);
      const { trackingNumber } = (await post(pack, { scanId: sid(), itemId: item.id, carrier: "CJ" })).json as { trackingNumber: string };
      const manifest = await twiceAlike(open, { scanId: sid(), carrier: "CJ" });
      const added = await twiceAlike(add, { scanId: sid(), manifestId: manifest.id, trackingNumber });
      expect((added.manifest as { parcels: unknown[] }).parcels).toHaveLength(1);
      const closed = await twiceAlike(close, { scanId: sid(), manifestId: manifest.id });
      expect(closed).toMatchObject({ dispatched: 1 });
      expect((await eventsOf(use(), item.id)).outbox.filter((e) => e.type === "item.dispatch")).toHaveLength(1);
    });

    it("quarantine: shelved once, and the manager's decision with its photo once (one photo file)", async () => {
      const bin = (await import("@/app/api/station/dispatch/quarantine/bin/route")).POST;
      const decide = (await import("@/app/api/station/dispatch/quarantine/decide/route")).POST;
      const [item] = await createOrderWithItems(use(), w.center.id, ["quarantined"]);
      const code = freshCode();
      await use().update(items).set({ code }).where(eq(items.id, item.id));
      const qBin = w.quarantineBins[1];
      const before = (await binOf(use(), qBin.id)).occupied;
      await as(w.operator);
      await twiceAlike(bin, { scanId: sid(), itemCode: code, binCode: qBin.code });
      expect((await binOf(use(), qBin.id)).occupied).toBe(before + 1);

      await as(w.manager);
      const form = () => {
        const f = new FormData();
        f.set("itemId", item.id);
        f.set("decision", "keep_as_evidence");
        f.set("reason", "police case 2291");
        f.set("photo", new Blob([jpegBytes(200)], { type: "image/jpeg" }), "q.jpg");
        return f;
      };
      const filesBefore = await countFiles(store.dir);
      await twiceAlike(decide, form, { scanId: sid() });
      expect(await use().select().from(quarantineActions).where(eq(quarantineActions.itemId, item.id))).toHaveLength(1);
      expect(await countFiles(store.dir)).toBe(filesBefore + 1);
      expect(await itemNow(use(), item.id)).toMatchObject({ state: "kept_as_evidence" });
    });
  });

  describe("desk admin", () => {
    it("create staff: one person; update, new PIN: once each", async () => {
      const create = (await import("@/app/api/station/admin/staff/route")).POST;
      const update = (await import("@/app/api/station/admin/staff/[userId]/route")).PATCH;
      const credential = (await import("@/app/api/station/admin/staff/[userId]/credential/route")).POST;
      await as(w.manager);
      const badgeCode = `EMP-${Math.floor(Math.random() * 900_000) + 100_000}`;
      const created = await twiceAlike(create, { scanId: sid(), name: "Park Ops", role: "operator", badgeCode, pin: "4826" });
      expect(await use().select().from(users).where(eq(users.badgeCode, badgeCode))).toHaveLength(1);
      const params = { userId: created.id };
      await twiceAlike(update, { scanId: sid(), active: false }, { params, method: "PATCH" });
      await twiceAlike(credential, { scanId: sid(), pin: "7391" }, { params });
      expect(await use().select().from(adminEvents).where(and(eq(adminEvents.targetId, String(created.id)), eq(adminEvents.action, "staff_created")))).toHaveLength(1);
    });

    it("center settings: changed once (one audit row)", async () => {
      const { PUT } = await import("@/app/api/station/admin/settings/route");
      await as(admin);
      const settings = await readCenterSettings(use(), w.center.id);
      const changes = async () => (await use().select().from(adminEvents).where(and(eq(adminEvents.centerId, w.center.id), eq(adminEvents.action, "center_settings_changed")))).length;
      const before = await changes();
      await twiceAlike(PUT, { ...settings, scanId: sid(), claimTimeoutMinutes: settings.claimTimeoutMinutes + 5 }, { method: "PUT" });
      expect(await changes()).toBe(before + 1);
    });

    it("webhook change: one new secret, and the repeat does not hold it", async () => {
      const { POST } = await import("@/app/api/station/admin/api-clients/[clientId]/webhook/route");
      await as(admin);
      const client = await createApiClient(use(), { name: uniq("Hook "), centerIds: [w.center.id] });
      const scanId = sid();
      const body = { scanId, webhookUrl: "https://marketplace.example/hook" };
      const first = await post(POST, body, { params: { clientId: client.client.id } });
      const second = await post(POST, body, { params: { clientId: client.client.id } });
      expect(first.status).toBe(200);
      expect(first.json.webhookSecret).toEqual(expect.any(String));
      expect(second).toMatchObject({ status: 200, json: { webhookSecret: null, secretLost: true } });
      const [row] = await use().select().from(apiClients).where(eq(apiClients.id, client.client.id));
      expect(row.webhookUrl).toBe("https://marketplace.example/hook");
      const changed = await use().select().from(adminEvents).where(and(eq(adminEvents.targetId, client.client.id), eq(adminEvents.action, "api_client_webhook_changed")));
      expect(changed).toHaveLength(1);
    });
  });
});

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}

import "fake-indexeddb/auto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { sendQueuedScan } from "@/components/offline/send-queued-scan";
import type { DbHandle } from "@/db/client";
import { centers, cycleCounts, inspectionPhotos, itemEvents, items, outboxEvents, users, type Center, type User } from "@/db/schema";
import { session } from "../helpers/station-routes";
import type { QueuedRequest } from "@/lib/offline/queued-scan";
import { QueueStore, type NewQueuedScan } from "@/lib/offline/queue-store";
import { replayQueue } from "@/lib/offline/replay";
import { maxScanAgeMs } from "@/lib/offline/scanned-at";
import type { LocalPhotoStore } from "@/lib/photos/local-photo-store";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { startCount } from "@/lib/storage/count-bin";
import { claimedItem, ctxOf, inspectionCenter, jpegBytes, tempPhotoStore } from "./inspection-fixtures";
import { itemById, makeZone, scan, storageCenter, storedIn } from "./storage-fixtures";

/**
 * An inspector offline takes a photo and records a verdict that needs one: both wait in the
 * device's queue (lib/offline on fake-indexeddb; the photo as a Blob), then the browser's own
 * sender (sendQueuedScan, with fetch handed to the real station routes) replays them in order on
 * both databases. The photo goes first and once, however often it is sent; the verdict then stands
 * with the time it was scanned on its audit row and event. Likewise a move into a scanned bin and a
 * started count's scans and finish, queued at the storage stations.
 */
vi.mock("@/lib/auth/current-staff", async () => (await import("../helpers/station-routes")).currentStaffStandIn);

type Route = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const routes: Record<string, () => Promise<{ POST: Route }>> = {
  "/api/station/inspection/photos": () => import("@/app/api/station/inspection/photos/route"),
  "/api/station/inspection/verdict": () => import("@/app/api/station/inspection/verdict/route"),
  "/api/station/storage/move": () => import("@/app/api/station/storage/move/route"),
  "/api/station/storage/counts/scan": () => import("@/app/api/station/storage/counts/scan/route"),
  "/api/station/storage/counts/submit": () => import("@/app/api/station/storage/counts/submit/route"),
};

/** What reached the server: each request's URL, scan id and scan-time header. */
const sent: Array<{ url: string; scanId: string | null; scannedAt: string | null }> = [];

/** The browser's fetch, answered by the station route as Next would call it (same origin). */
async function routeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = String(input);
  const request = new Request(`http://test.local${url}`, init);
  sent.push({ url, scanId: request.headers.get("x-legit-scan-id"), scannedAt: request.headers.get("x-legit-scanned-at") });
  const { POST } = await routes[url]();
  return POST(request, { params: Promise.resolve({}) });
}

let dbCount = 0;

describeEachDb("a photo and a verdict queued offline, replayed by the browser's sender", (use) => {
  let people: Awaited<ReturnType<typeof inspectionCenter>>;
  let photos: LocalPhotoStore;
  let store: QueueStore;

  beforeAll(async () => {
    const db = use();
    (globalThis as { legitDb?: Promise<DbHandle> }).legitDb = Promise.resolve({ db, kind: "pglite", close: async () => {} });
    photos = await tempPhotoStore();
    (globalThis as { legitPhotoStore?: unknown }).legitPhotoStore = photos;
    people = await inspectionCenter(db);
    const user: User = people.inspector;
    const [center] = await db.select().from(centers).where(eq(centers.id, user.centerId));
    session.staff = { user, center: center as Center, ctx: { userId: user.id, centerId: user.centerId, role: user.role } };
    vi.stubGlobal("fetch", routeFetch);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  const queued = (intent: string, request: QueuedRequest, queuedAt: number): NewQueuedScan => ({
    scanId: uniq("scan-"),
    intent,
    userId: people.inspector.id,
    userName: people.inspector.name,
    station: "inspect",
    device: "TAB-OFF",
    queuedAt,
    request,
    summary: { key: "inspection.queued.photo", params: {} },
    state: "pending",
    attempts: 0,
    nextAttemptAt: 0,
  });

  /** A claimed item whose fail verdict (it needs a photo) waits behind its photo in the queue. */
  async function offlineInspection(times: { photo: number; verdict: number }) {
    store = await QueueStore.open(`offline-photo-${++dbCount}`);
    sent.length = 0;
    const { item, inspectionId } = await claimedItem(use(), ctxOf(people.inspector));
    const blob = new Blob([jpegBytes(512)], { type: "image/jpeg" });
    const photo = await store.add(
      queued(`photo:${inspectionId}:p.jpg`, { url: "/api/station/inspection/photos", body: { inspectionId }, file: { field: "photo", blob, name: "photo.jpg" } }, times.photo),
    );
    const verdict = await store.add(
      queued(`verdict:${inspectionId}`, { url: "/api/station/inspection/verdict", body: { inspectionId, verdict: "fail_used", reasonCodes: ["USED_WEAR"] } }, times.verdict),
    );
    return { item, inspectionId, photo, verdict };
  }

  it("uploads the photo kept in IndexedDB before the verdict that needs it; sent again it stores no second photo", async () => {
    const db = use();
    const { item, inspectionId, photo } = await offlineInspection({ photo: Date.now() - 60_000, verdict: Date.now() - 30_000 });
    // The queue kept the photo itself (a Blob), not a reference to a file that may be gone.
    const kept = await store.get(photo.scanId);
    expect(kept?.request.file?.blob).toBeInstanceOf(Blob);
    expect(kept?.request.file?.blob.size).toBe(512);

    const report = await replayQueue(store, { userId: people.inspector.id, send: sendQueuedScan });
    expect(report).toEqual({ done: 2, refused: 0, failed: 0 });
    expect(sent.map((s) => s.url)).toEqual(["/api/station/inspection/photos", "/api/station/inspection/verdict"]);
    const [row] = await db.select().from(items).where(eq(items.id, item.id));
    expect(row.state).not.toBe("inspecting");

    // The answer was lost on the way back: the tablet sends the photo again under its scan id.
    const again = await sendQueuedScan((await store.get(photo.scanId))!);
    expect(again.kind).toBe("done");
    const stored = await db.select().from(inspectionPhotos).where(eq(inspectionPhotos.inspectionId, inspectionId));
    expect(stored).toHaveLength(1);
    expect((again as { result: { photo: { id: string } } }).result.photo.id).toBe(stored[0].id);
    expect(await readdir(path.join(photos.dir, "inspections", inspectionId))).toHaveLength(1);
    const added = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, item.id), eq(itemEvents.action, "photo_added")));
    expect(added).toHaveLength(1);
  });

  it("records when each queued action was scanned (scannedAt) beside its commit time, bounded by the server's clock", async () => {
    const db = use();
    const photoAt = Date.now() - 2 * 60 * 60_000; // two hours offline
    const verdictAt = Date.now() + 60 * 60_000; // a tablet clock an hour fast
    const { item } = await offlineInspection({ photo: photoAt, verdict: verdictAt });
    const before = Date.now();
    const report = await replayQueue(store, { userId: people.inspector.id, send: sendQueuedScan });
    expect(report).toEqual({ done: 2, refused: 0, failed: 0 });
    expect(sent.map((s) => s.scannedAt)).toEqual([new Date(photoAt).toISOString(), new Date(verdictAt).toISOString()]);

    const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, item.id));
    const photoEvent = events.find((e) => e.action === "photo_added")!;
    expect((photoEvent.details as { scannedAt?: string }).scannedAt).toBe(new Date(photoAt).toISOString());
    expect(photoEvent.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    // The verdict's transitions: scanned "in the future" is recorded as no later than the commit.
    const verdictEvents = events.filter((e) => e.action === "fail" || e.action === "route_return");
    expect(verdictEvents.length).toBeGreaterThan(0);
    for (const event of verdictEvents) {
      const scannedAt = Date.parse((event.details as { scannedAt: string }).scannedAt);
      expect(scannedAt).toBeGreaterThanOrEqual(before - 1_000);
      expect(scannedAt).toBeLessThanOrEqual(event.createdAt.getTime() + 1_000);
    }
    // The marketplace's event carries it too, with `at` the commit time.
    const feed = await db.select().from(outboxEvents).where(and(eq(outboxEvents.itemId, item.id), eq(outboxEvents.type, "item.fail")));
    expect(feed).toHaveLength(1);
    const payload = feed[0].payload as { at: string; scannedAt?: string };
    expect(payload.scannedAt).toBeDefined();
    expect(Date.parse(payload.at)).toBeGreaterThanOrEqual(before - 1_000);
  });

  it("a scan older than the queue may keep is recorded as that old, and a scan id sent without a time records none", async () => {
    const db = use();
    const { item, inspectionId } = await offlineInspection({ photo: Date.now() - 3 * maxScanAgeMs, verdict: Date.now() });
    const [photo] = await store.all();
    await replayQueue(store, { userId: people.inspector.id, send: sendQueuedScan });
    const [event] = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, item.id), eq(itemEvents.action, "photo_added")));
    const recorded = Date.parse((event.details as { scannedAt: string }).scannedAt);
    expect(Date.now() - recorded).toBeGreaterThanOrEqual(maxScanAgeMs - 5_000);
    expect(Date.now() - recorded).toBeLessThanOrEqual(maxScanAgeMs + 5_000);
    expect(photo.request.body).toEqual({ inspectionId });

    // An action sent as it is made (online) carries no scan time: its audit row has none.
    const fresh = await claimedItem(db, ctxOf(people.inspector));
    const { POST } = await routes["/api/station/inspection/verdict"]();
    const response = await POST(
      new Request("http://test.local/api/station/inspection/verdict", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scanId: uniq("scan-"), inspectionId: fresh.inspectionId, verdict: "pass", reasonCodes: [] }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    const passed = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, fresh.item.id), eq(itemEvents.action, "pass")));
    expect(passed).toHaveLength(1);
    expect(passed[0].details).not.toHaveProperty("scannedAt");
  });

  it("a scan time that is not a time is refused with a clear error, never a 500", async () => {
    const { inspectionId } = await claimedItem(use(), ctxOf(people.inspector));
    const { POST } = await routes["/api/station/inspection/verdict"]();
    const response = await POST(
      new Request("http://test.local/api/station/inspection/verdict", {
        method: "POST",
        headers: { "content-type": "application/json", "x-legit-scanned-at": "yesterday-ish" },
        body: JSON.stringify({ scanId: uniq("scan-"), inspectionId, verdict: "pass", reasonCodes: [] }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("validation:scanned_at");
  });

  it("a read ignores the scan-time header: a malformed one on a GET is answered, not refused", async () => {
    const { GET } = (await import("@/app/api/station/inspection/queue/route")) as unknown as { GET: Route };
    const response = await GET(new Request("http://test.local/api/station/inspection/queue", { headers: { "x-legit-scanned-at": "yesterday-ish" } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("waiting");
  });
});

describeEachDb("moves and counts queued offline, replayed by the browser's sender", (use) => {
  it("a move into the scanned bin and a started count's item scan and finish go in order, each once, with their scan times", async () => {
    const db = use();
    (globalThis as { legitDb?: Promise<DbHandle> }).legitDb = Promise.resolve({ db, kind: "pglite", close: async () => {} });
    const setup = await storageCenter(db);
    const [user] = await db.select().from(users).where(eq(users.id, setup.operator.userId));
    const [center] = await db.select().from(centers).where(eq(centers.id, setup.center.id));
    session.staff = { user, center: center as Center, ctx: { userId: user.id, centerId: user.centerId, role: user.role } };
    vi.stubGlobal("fetch", routeFetch);
    const [from, to, counted] = await makeZone(db, setup.manager, { capacity: 2, count: 3 });
    const moved = await storedIn(db, setup.operator, from.code);
    const inCount = await storedIn(db, setup.operator, counted.code);
    // The count was started online (the server opens it); then the network dropped.
    const { result: count } = await startCount(db, setup.operator, { scanId: scan(), binCode: counted.code });

    const store = await QueueStore.open(`offline-storage-${++dbCount}`);
    sent.length = 0;
    const at = Date.now() - 10 * 60_000;
    const queue = (intent: string, url: string, body: Record<string, unknown>, queuedAt: number): NewQueuedScan => ({
      scanId: uniq("scan-"),
      intent,
      userId: user.id,
      userName: user.name,
      station: "storage",
      device: "TAB-1",
      queuedAt,
      request: { url, body },
      summary: { key: "storage.move.queuedLine", params: {} },
      state: "pending",
      attempts: 0,
      nextAttemptAt: 0,
    });
    await store.add(queue("move", "/api/station/storage/move", { itemCode: moved.code, binCode: to.code }, at));
    const counting = await store.add(queue("count", "/api/station/storage/counts/scan", { countId: count.countId, itemCode: inCount.code }, at + 1_000));
    await store.add(queue("finish", "/api/station/storage/counts/submit", { countId: count.countId }, at + 2_000));

    const report = await replayQueue(store, { userId: user.id, send: sendQueuedScan });
    expect(report).toEqual({ done: 3, refused: 0, failed: 0 });
    expect(sent.map((s) => s.url)).toEqual(["/api/station/storage/move", "/api/station/storage/counts/scan", "/api/station/storage/counts/submit"]);
    expect((await itemById(db, moved.id)).binId).toBe(to.id);
    const [move] = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, moved.id), eq(itemEvents.action, "move")));
    expect(move.details).toMatchObject({ binCode: to.code, scannedAt: new Date(at).toISOString() });
    const [submitted] = await db.select().from(cycleCounts).where(eq(cycleCounts.id, count.countId));
    // The item scan landed before the finish: no difference, so the count closed by itself (a finish
    // sent before its scans would have left the item missing for a manager to resolve).
    expect(submitted.status).toBe("resolved");

    // The count scan's answer was lost and it goes again: counted once, the first answer back.
    const again = await sendQueuedScan((await store.get(counting.scanId))!);
    expect(again).toMatchObject({ kind: "done", result: { scanned: 1 } });
    vi.unstubAllGlobals();
  });
});

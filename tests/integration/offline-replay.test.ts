import "fake-indexeddb/auto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { itemEvents, items } from "@/db/schema";
import { isFinalStatus, type QueuedScan, type SendOutcome } from "@/lib/offline/queued-scan";
import { QueueStore, type NewQueuedScan } from "@/lib/offline/queue-store";
import { replayQueue } from "@/lib/offline/replay";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { createAnnouncedOrder, ensureProduct } from "../helpers/receiving-fixtures";
import { session, staffOf, type Route } from "../helpers/station-routes";
import { ctxOf, inspectionCenter } from "./inspection-fixtures";

/**
 * The browser's offline queue (lib/offline, on fake-indexeddb: not our database) replayed into the
 * real station routes (staffRoute + withScanId) on both databases: order kept, answers matched by
 * scan id, refusals final, and a scan sent again (lost answer, a second tab) done once.
 */
vi.mock("@/lib/auth/current-staff", async () => (await import("../helpers/station-routes")).currentStaffStandIn);

const routes: Record<string, () => Promise<{ POST: Route }>> = {
  "/api/station/receiving/units/receive": () => import("@/app/api/station/receiving/units/receive/route"),
  "/api/station/receiving/parcels/close": () => import("@/app/api/station/receiving/parcels/close/route"),
};

/** What the browser's sendQueuedScan does, with the route called as Next calls it. */
async function send(scan: QueuedScan): Promise<SendOutcome> {
  const { POST } = await routes[scan.request.url]();
  const response = await POST(
    new Request(`http://test.local${scan.request.url}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-legit-station": scan.device, "x-legit-scan-id": scan.scanId },
      body: JSON.stringify({ ...scan.request.body, scanId: scan.scanId }),
    }),
    { params: Promise.resolve({}) },
  );
  const json = await response.json();
  if (response.ok) return { kind: "done", result: json };
  const error = { code: json.error?.code ?? "generic", status: response.status, params: json.error?.params ?? {} };
  return isFinalStatus(response.status) ? { kind: "refused", error } : { kind: "failed", error };
}

let dbCount = 0;

describeEachDb("offline queue replayed into the station routes", (use) => {
  let people: Awaited<ReturnType<typeof inspectionCenter>>;
  let store: QueueStore;

  beforeAll(async () => {
    const db = use();
    (globalThis as { legitDb?: Promise<DbHandle> }).legitDb = Promise.resolve({ db, kind: "pglite", close: async () => {} });
    people = await inspectionCenter(db);
    await ensureProduct(db);
    session.staff = await staffOf(db, people.operator);
  });

  /** A parcel scanned online, then units confirmed offline: the queue as the station left it. */
  async function offlineShift(units: number) {
    const db = use();
    store = await QueueStore.open(`offline-replay-${++dbCount}`);
    const { order, items: expected } = await createAnnouncedOrder(db, people.center.id, { units: Array.from({ length: units }, () => ({})) });
    const { result } = await scanParcel(db, ctxOf(people.operator), { scanId: uniq("scan-"), trackingNumber: order.trackingNumber! });
    const parcelId = result.parcel.id;
    const queue = (intent: string, url: string, body: Record<string, unknown>): NewQueuedScan => ({
      scanId: uniq("scan-"),
      intent,
      userId: people.operator.id,
      userName: people.operator.name,
      station: "receive",
      device: "TAB-OFF",
      queuedAt: Date.now(),
      request: { url, body },
      summary: { key: "receiving.queued.unit", params: {} },
      state: "pending",
      attempts: 0,
      nextAttemptAt: 0,
    });
    return { parcelId, expected, queue };
  }

  async function receiveEvents(itemIds: string[]) {
    return use()
      .select()
      .from(itemEvents)
      .where(and(inArray(itemEvents.itemId, itemIds), eq(itemEvents.action, "receive")));
  }

  it("replays in the order queued: the parcel closes after its units, so none is missing", async () => {
    const { parcelId, expected, queue } = await offlineShift(3);
    for (const item of expected) await store.add(queue(item.id, "/api/station/receiving/units/receive", { parcelId, itemId: item.id }));
    await store.add(queue(`close:${parcelId}`, "/api/station/receiving/parcels/close", { parcelId }));

    const answers: Array<{ url: string; outcome: SendOutcome }> = [];
    const report = await replayQueue(store, {
      userId: people.operator.id,
      send: async (scan) => {
        const outcome = await send(scan);
        answers.push({ url: scan.request.url, outcome });
        return outcome;
      },
    });
    expect(report).toEqual({ done: 4, refused: 0, failed: 0 });
    expect(answers.map((a) => a.url)).toEqual([...expected.map(() => "/api/station/receiving/units/receive"), "/api/station/receiving/parcels/close"]);
    const closed = answers[3].outcome as { kind: "done"; result: { received: number; missing: unknown[] } };
    expect(closed.result).toMatchObject({ received: 3, missing: [] });
    const rows = await use().select().from(items).where(inArray(items.id, expected.map((i) => i.id)));
    expect(rows.every((r) => r.state === "received" && r.code !== null)).toBe(true);
    expect(await receiveEvents(expected.map((i) => i.id))).toHaveLength(3);
  });

  it("a scan whose answer was lost goes again under its scan id: the first answer comes back, done once", async () => {
    const { parcelId, expected, queue } = await offlineShift(2);
    for (const item of expected) await store.add(queue(item.id, "/api/station/receiving/units/receive", { parcelId, itemId: item.id }));
    let clock = 1_000;
    const firstAnswers = new Map<string, unknown>();
    // The server does the first unit, but its answer never reaches the tablet.
    const lossy = async (scan: QueuedScan): Promise<SendOutcome> => {
      const outcome = await send(scan);
      if (outcome.kind === "done" && !firstAnswers.has(scan.scanId)) {
        firstAnswers.set(scan.scanId, outcome.result);
        return { kind: "failed", error: { code: "network", status: 0, params: {} } };
      }
      return outcome;
    };
    const first = await replayQueue(store, { userId: people.operator.id, send: lossy, now: () => clock, random: () => 0.5 });
    expect(first).toEqual({ done: 0, refused: 0, failed: 1 });
    const [head, second] = await store.all();
    expect(head).toMatchObject({ state: "retrying", attempts: 1 });
    expect(second.state).toBe("pending");

    clock += 2_000;
    const repeats: unknown[] = [];
    const again = await replayQueue(store, {
      userId: people.operator.id,
      now: () => clock,
      send: async (scan) => {
        const outcome = await send(scan);
        repeats.push(outcome.kind === "done" && (outcome.result as { repeated: boolean }).repeated);
        if (scan.scanId === head.scanId && outcome.kind === "done") expect(outcome.result).toEqual({ ...(firstAnswers.get(head.scanId) as object), repeated: true });
        return outcome;
      },
    });
    expect(again).toEqual({ done: 2, refused: 0, failed: 0 });
    expect(repeats).toEqual([true, false]);
    expect(await receiveEvents(expected.map((i) => i.id))).toHaveLength(2);
  });

  it("a scan sent twice by two tabs at once lands once; both get the same answer", async () => {
    const { parcelId, expected, queue } = await offlineShift(1);
    const scan = await store.add(queue(expected[0].id, "/api/station/receiving/units/receive", { parcelId, itemId: expected[0].id }));
    const [a, b] = await Promise.all([send(scan), send(scan)]);
    expect(a.kind).toBe("done");
    expect(b.kind).toBe("done");
    const strip = (o: SendOutcome) => (o.kind === "done" ? { ...(o.result as object), repeated: undefined } : o);
    expect(strip(a)).toEqual(strip(b));
    expect(await receiveEvents([expected[0].id])).toHaveLength(1);
  });

  it("a refusal on replay is final with its reason, and the scans behind it still go", async () => {
    const { parcelId, expected, queue } = await offlineShift(2);
    // Meanwhile another station received the first unit.
    const other = await send({ ...queue("other", "/api/station/receiving/units/receive", { parcelId, itemId: expected[0].id }), seq: 0, device: "TAB-2" });
    expect(other.kind).toBe("done");

    for (const item of expected) await store.add(queue(item.id, "/api/station/receiving/units/receive", { parcelId, itemId: item.id }));
    const report = await replayQueue(store, { userId: people.operator.id, send });
    expect(report).toEqual({ done: 1, refused: 1, failed: 0 });
    const [refused, done] = await store.all();
    expect(refused).toMatchObject({ state: "refused", error: { code: "conflict:already_received", status: 409 } });
    expect(refused.error?.params.code).toMatch(/^IT/);
    expect(done.state).toBe("done");
    expect(await receiveEvents(expected.map((i) => i.id))).toHaveLength(2);
  });
});

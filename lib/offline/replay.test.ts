import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { QueuedScan, SendOutcome } from "./queued-scan";
import { QueueStore, type NewQueuedScan } from "./queue-store";
import { replayQueue } from "./replay";

let store: QueueStore;
let dbName: string;
let n = 0;

beforeEach(async () => {
  dbName = `legit-offline-test-${++n}`;
  store = await QueueStore.open(dbName);
});
afterEach(() => store.close());

function entry(id: string, over: Partial<NewQueuedScan> = {}): NewQueuedScan {
  return {
    scanId: id,
    intent: `intent-${id}`,
    userId: "u1",
    userName: "Kim",
    station: "receive",
    device: "ST-1",
    queuedAt: 1,
    request: { url: "/api/station/receiving/units/receive", body: { itemId: id } },
    summary: { key: "receiving.queued.unit", params: { product: id } },
    state: "pending",
    attempts: 0,
    nextAttemptAt: 0,
    ...over,
  };
}

const done: SendOutcome = { kind: "done", result: {} };
const lost: SendOutcome = { kind: "failed", error: { code: "network", status: 0, params: {} } };

describe("the queue store (IndexedDB)", () => {
  it("keeps scans in the order they were queued, and across a reopen", async () => {
    for (const id of ["c", "a", "b"]) await store.add(entry(id));
    store.close();
    store = await QueueStore.open(dbName);
    const all = await store.all();
    expect(all.map((s) => [s.scanId, s.seq])).toEqual([["c", 1], ["a", 2], ["b", 3]]);
  });

  it("keeps the first of two adds with one scan id", async () => {
    const first = await store.add(entry("a", { summary: { key: "first", params: {} } }));
    const again = await store.add(entry("a", { summary: { key: "second", params: {} } }));
    expect(again).toEqual(first);
    expect((await store.all()).map((s) => s.summary.key)).toEqual(["first"]);
  });

  it("does not bring back a removed scan when a late update arrives", async () => {
    const a = await store.add(entry("a"));
    await store.remove(["a"]);
    await store.update({ ...a, state: "done" });
    expect(await store.all()).toEqual([]);
  });
});

describe("replay", () => {
  it("sends every scan once, in order, with its own scan id", async () => {
    for (let i = 0; i < 200; i++) await store.add(entry(`s${String(i).padStart(3, "0")}`));
    const sent: string[] = [];
    const report = await replayQueue(store, {
      userId: "u1",
      send: async (scan) => {
        sent.push(scan.scanId);
        return done;
      },
    });
    expect(report).toEqual({ done: 200, refused: 0, failed: 0 });
    expect(sent).toEqual(Array.from({ length: 200 }, (_, i) => `s${String(i).padStart(3, "0")}`));
    expect((await store.all()).every((s) => s.state === "done" && s.attempts === 1)).toBe(true);
  });

  it("stops at a scan that gets no answer, keeps it with its back-off, and resumes from it", async () => {
    for (const id of ["a", "b", "c"]) await store.add(entry(id));
    let clock = 1000;
    const sent: string[] = [];
    let network = false;
    const send = async (scan: QueuedScan) => {
      sent.push(scan.scanId);
      return network || scan.scanId !== "b" ? done : lost;
    };
    const first = await replayQueue(store, { userId: "u1", send, now: () => clock, random: () => 0.5 });
    expect(first).toEqual({ done: 1, refused: 0, failed: 1 });
    expect((await store.get("b"))?.state).toBe("retrying");
    expect((await store.get("b"))?.nextAttemptAt).toBe(3000);
    expect((await store.get("c"))?.state).toBe("pending");

    // Before its back-off has passed, nothing goes (c must not overtake b).
    expect(await replayQueue(store, { userId: "u1", send, now: () => clock })).toEqual({ done: 0, refused: 0, failed: 0 });
    clock = 3000;
    network = true;
    expect(await replayQueue(store, { userId: "u1", send, now: () => clock })).toEqual({ done: 2, refused: 0, failed: 0 });
    expect(sent).toEqual(["a", "b", "b", "c"]);
    expect((await store.get("b"))?.attempts).toBe(2);
  });

  it("records a refusal with its reason and goes on with the next scan", async () => {
    for (const id of ["a", "b"]) await store.add(entry(id));
    const error = { code: "conflict:item_state", status: 409, params: { state: "received" } };
    const changes: string[] = [];
    const report = await replayQueue(store, {
      userId: "u1",
      send: async (scan) => (scan.scanId === "a" ? { kind: "refused", error } : done),
      onChange: (scan) => changes.push(`${scan.scanId}:${scan.state}`),
    });
    expect(report).toEqual({ done: 1, refused: 1, failed: 0 });
    expect(await store.get("a")).toMatchObject({ state: "refused", error });
    expect(changes).toEqual(["a:sending", "a:refused", "b:sending", "b:done"]);
  });

  it("sends only the signed-in user's scans; another user's wait for them", async () => {
    await store.add(entry("mine"));
    await store.add(entry("theirs", { userId: "u2" }));
    const sent: string[] = [];
    await replayQueue(store, { userId: "u1", send: async (s) => (sent.push(s.scanId), done) });
    expect(sent).toEqual(["mine"]);
    expect((await store.get("theirs"))?.state).toBe("pending");
  });
});

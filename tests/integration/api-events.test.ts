import { setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import type { ApiCaller } from "@/lib/api/api-clients";
import { decodeEventCursor, isAfter } from "@/lib/api/event-cursor";
import { readEventFeed } from "@/lib/api/event-feed";
import { eventsResponseSchema, type EventsResponse } from "@/lib/api/schemas";
import { applyTransition } from "@/lib/items/apply-transition";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { createCenter, createOrderWithItems } from "../helpers/fixtures";
import { setUpApiWorld } from "./api-helpers";

/** Reads the feed from `after` until it is empty, `limit` at a time. */
async function drain(db: Db, caller: ApiCaller, after: string | null, limit: number) {
  const events: EventsResponse["events"] = [];
  let cursor = after;
  for (;;) {
    const page = await readEventFeed(db, caller, { after: cursor ?? undefined, limit });
    events.push(...page.events);
    cursor = page.nextCursor;
    if (page.events.length === 0) return { events, cursor };
  }
}

/** Waits until every event in `ids` has been read: other transactions on the server delay events briefly. */
async function drainUntil(db: Db, caller: ApiCaller, after: string | null, limit: number, count: number) {
  const events: EventsResponse["events"] = [];
  let cursor = after;
  for (let tries = 0; events.length < count && tries < 200; tries++) {
    const page = await drain(db, caller, cursor, limit);
    events.push(...page.events);
    cursor = page.cursor;
    if (events.length < count) await sleep(25);
  }
  return { events, cursor };
}

describeEachDb("API events feed", (use, kind) => {
  const world = worldBeforeAll(use, setUpApiWorld);

  it("pages through item changes in order with the cursor, and only the caller's centers", async () => {
    const db = use();
    const start = (await drain(db, world.callerA, null, 100)).cursor;
    const units = await createOrderWithItems(db, world.a.id, ["expected", "expected", "expected"]);
    const [elsewhere] = await createOrderWithItems(db, world.b.id, ["expected"]);
    for (const action of ["receive", "claim", "pass"] as const) {
      for (const unit of units) await db.transaction((tx) => applyTransition(tx, { itemId: unit.id, action, actor: {} }));
    }
    await db.transaction((tx) => applyTransition(tx, { itemId: elsewhere.id, action: "receive", actor: {} }));

    // The feed holds back events while an older transaction (any test's, on a shared server) runs:
    // wait until the first page is there, as a client polling the feed would.
    let first = await readEventFeed(db, world.callerA, { after: start ?? undefined, limit: 4 });
    for (let tries = 0; first.events.length < 4 && tries < 200; tries++) {
      await sleep(25);
      first = await readEventFeed(db, world.callerA, { after: start ?? undefined, limit: 4 });
    }
    expect(eventsResponseSchema.parse(first)).toEqual(first);
    expect(first.events).toHaveLength(4);
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toBe(first.events[3].cursor);
    const rest = await drainUntil(db, world.callerA, first.nextCursor, 4, 5);
    const all = [...first.events, ...rest.events];
    expect(all.map((e) => `${e.type}:${units.findIndex((u) => u.id === e.itemId)}`)).toEqual([
      "item.receive:0", "item.receive:1", "item.receive:2",
      "item.claim:0", "item.claim:1", "item.claim:2",
      "item.pass:0", "item.pass:1", "item.pass:2",
    ]);
    expect(all.every((e) => e.centerCode === world.a.code)).toBe(true);
    expect(all[0].payload).toMatchObject({ from: "expected", to: "received", action: "receive" });

    // Resuming from any event's cursor gives exactly what follows it.
    const fromFifth = await drain(db, world.callerA, all[4].cursor, 100);
    expect(fromFifth.events.map((e) => e.id)).toEqual(all.slice(5).map((e) => e.id));
    // Nothing new: the cursor stays put.
    const idle = await readEventFeed(db, world.callerA, { after: rest.cursor ?? undefined, limit: 10 });
    expect(idle).toEqual({ events: [], nextCursor: rest.cursor, hasMore: false });

    const other = await drainUntil(db, world.callerB, null, 100, 1);
    expect(other.events.map((e) => e.itemId)).toEqual([elsewhere.id]);
  });

  it("refuses a cursor it did not make", async () => {
    await expect(readEventFeed(use(), world.callerA, { after: "bm9wZQ", limit: 10 })).rejects.toMatchObject({ code: "validation:cursor" });
  });

  it("hands out every event of many concurrent writers exactly once, in (txid, id) order, to readers polling meanwhile", async () => {
    const db = use();
    const center = await createCenter(db);
    const caller: ApiCaller = { id: world.callerA.id, name: "feed test", centerIds: [center.id] };
    const committed = new Set<number>();
    const rolledBack = new Set<number>();
    // 12 writers (fewer than the pool's connections, so readers get through meanwhile), 5 transactions
    // each, 3 events per transaction with pauses between them; every 7th transaction rolls back.
    let n = 0;
    const writeOne = async () => {
      const w = n++;
      try {
        const ids = await db.transaction(async (tx) => {
          const ids: number[] = [];
          for (let k = 0; k < 3; k++) {
            const [row] = await tx.insert(outboxEvents).values({ centerId: center.id, type: "test.write", payload: { w, k } }).returning({ id: outboxEvents.id });
            ids.push(row.id);
            await sleep(Math.random() * 15);
          }
          if (w % 7 === 3) {
            ids.forEach((id) => rolledBack.add(id));
            throw new Error("roll back");
          }
          return ids;
        });
        ids.forEach((id) => committed.add(id));
      } catch (error) {
        if ((error as Error).message !== "roll back") throw error;
      }
    };
    const writers = Array.from({ length: 12 }, async () => {
      for (let t = 0; t < 5; t++) {
        await sleep(Math.random() * 10);
        await writeOne();
      }
    });

    let writing = true;
    const all = Promise.all(writers).finally(() => (writing = false));
    const readers = Array.from({ length: 3 }, async () => {
      const seen: EventsResponse["events"] = [];
      let cursor: string | null = null;
      while (writing) {
        const page = await readEventFeed(db, caller, { after: cursor ?? undefined, limit: 5 });
        seen.push(...page.events);
        cursor = page.nextCursor;
        await sleep(Math.random() * 10);
      }
      return { seen, cursor };
    });
    await all;
    const results = await Promise.all(readers);
    for (const { seen, cursor } of results) {
      const tail = await drainUntil(db, caller, cursor, 7, committed.size - seen.length);
      const ids = [...seen, ...tail.events].map((e) => e.id);
      expect(ids.length).toBe(new Set(ids).size); // no repeats
      expect(new Set(ids)).toEqual(committed); // no gaps, nothing rolled back
      const positions = [...seen, ...tail.events].map((e) => ({ ...decodeEventCursor(e.cursor) }));
      for (let i = 1; i < positions.length; i++) expect(isAfter(positions[i], positions[i - 1])).toBe(true);
    }
    expect(committed.size).toBeGreaterThan(120);
    expect(rolledBack.size).toBeGreaterThan(0);
  }, 60_000);

  it.runIf(kind === "postgres")("holds back a later-committed event until the older transaction before it has finished", async () => {
    const db = use();
    const center = await createCenter(db);
    const caller: ApiCaller = { id: world.callerA.id, name: "feed test", centerIds: [center.id] };
    let releaseSlow!: () => void;
    const slowMayCommit = new Promise<void>((resolve) => (releaseSlow = resolve));
    let slowInserted!: () => void;
    const slowHasInserted = new Promise<void>((resolve) => (slowInserted = resolve));
    // The slow writer takes the smaller event id but commits last: a feed ordered by id alone would
    // hand out the fast event first and then skip the slow one for ever.
    const slow = db.transaction(async (tx) => {
      const [row] = await tx.insert(outboxEvents).values({ centerId: center.id, type: "test.slow", payload: {} }).returning();
      slowInserted();
      await slowMayCommit;
      return row.id;
    });
    await slowHasInserted;
    const [fast] = await db.insert(outboxEvents).values({ centerId: center.id, type: "test.fast", payload: {} }).returning();
    const whileSlowRuns = await readEventFeed(db, caller, { limit: 10 });
    expect(whileSlowRuns.events).toEqual([]);
    releaseSlow();
    const slowId = await slow;
    expect(slowId).toBeLessThan(fast.id);
    const after = await drainUntil(db, caller, whileSlowRuns.nextCursor, 10, 2);
    expect(after.events.map((e) => e.type)).toEqual(["test.slow", "test.fast"]);
  });
});

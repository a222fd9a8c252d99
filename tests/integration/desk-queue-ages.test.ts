import { eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/result-rows";
import { centers, items, type Item } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed-demo";
import { readCenterSettings } from "@/lib/admin/center-settings";
import { queueAges, type QueueAge, type QueueKey } from "@/lib/desk/dashboard-figures";
import { foldRollups } from "@/lib/rollups/fold-rollups";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems } from "../helpers/fixtures";

const hour = 3600_000;

/** Which queue an item waits in, its limit and since when: the rule written out again, from the item's columns. */
function queueOf(i: Item, s: Awaited<ReturnType<typeof readCenterSettings>>): [QueueKey, number, Date] | null {
  const entry = i.queueEnteredAt ?? i.receivedAt ?? i.createdAt;
  if (i.state === "received" || i.state === "in_inspection") return ["receivedToVerdict", s.inspectionDeadlineHours, i.receivedAt ?? i.createdAt];
  if (["passed", "awaiting_pick", "awaiting_pack", "packed"].includes(i.state) && (i.destination ?? "buyer") === "buyer") return ["passedToDispatch", s.passedToDispatchHours, entry];
  if (i.state === "held") return ["heldForBuyer", s.heldForBuyerHours, entry];
  if (i.state === "awaiting_putaway") return ["awaitingPutaway", s.awaitingPutawayHours, entry];
  return null;
}

/** queueAges compared with the ages recomputed in TypeScript from every item of the center; returns how many queues were not empty. */
async function expectTrueAges(db: Db, centerId: string, now: Date, label: string): Promise<number> {
  const s = await readCenterSettings(db, centerId);
  const all = await db.select().from(items).where(eq(items.centerId, centerId));
  const expected = new Map<QueueKey, { limit: number; ages: number[]; ids: string[] }>();
  const queued = all
    .map((i) => ({ i, q: queueOf(i, s) }))
    .filter((x) => x.q !== null)
    .sort((a, b) => a.q![2].getTime() - b.q![2].getTime() || a.i.id.localeCompare(b.i.id));
  for (const { i, q } of queued) {
    const entry = expected.get(q![0]) ?? { limit: q![1], ages: [], ids: [] };
    entry.ages.push((now.getTime() - q![2].getTime()) / hour);
    entry.ids.push(i.id);
    expected.set(q![0], entry);
  }
  let nonEmpty = 0;
  const queues: QueueAge[] = await queueAges(db, centerId, now);
  expect(queues.map((q) => q.key)).toEqual(["receivedToVerdict", "passedToDispatch", "heldForBuyer", "awaitingPutaway"]);
  for (const queue of queues) {
    const truth = expected.get(queue.key) ?? { limit: queue.limitHours, ages: [], ids: [] };
    const at = `${label} ${queue.key}`;
    expect(queue.count, at).toBe(truth.ages.length);
    expect(queue.breached, `${at} breached`).toBe(truth.ages.filter((a) => a > truth.limit).length);
    expect(queue.oldest.map((o) => o.id), `${at} oldest`).toEqual(truth.ids.slice(0, 10));
    queue.oldest.forEach((o, n) => {
      expect(o.hours).toBeCloseTo(truth.ages[n], 6);
      expect(o.breached).toBe(truth.ages[n] > truth.limit);
    });
    expect(queue.oldestHours === null ? null : queue.oldestHours).toBe(truth.ages.length ? queue.oldest[0].hours : null);
    if (truth.ages.length) nonEmpty++;
  }
  return nonEmpty;
}

describeEachDb("desk queue ages", (use) => {
  it("equal the ages recomputed from every item of the center, on the demo world, at several moments, before and after a fold", async () => {
    const db = use();
    await seedDemo(db);
    let nonEmpty = 0;
    for (const fold of [false, true]) {
      if (fold) await foldRollups(db);
      for (const center of await db.select().from(centers)) {
        // Now, and moments that put the limits of several items between two ages.
        for (const now of [new Date(), new Date(Date.now() + 7 * hour + 13_000), new Date(Date.now() + 50 * hour)]) {
          nonEmpty += await expectTrueAges(db, center.id, now, `${center.code} ${now.toISOString()} fold=${fold}`);
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(12);
  }, 300_000);

  it("count every breach exactly at the limit's edge, in the limit's own hour and in earlier hours, with ties, one item and empty queues", async () => {
    const db = use();
    const center = await createCenter(db);
    const s = await readCenterSettings(db, center.id);
    // The limit ends 20 minutes into an hour: items on both sides of it inside that hour, at it to the millisecond, and hours before and after.
    const now = new Date(Date.UTC(2026, 10, 26, 10, 20, 0, 0) + s.inspectionDeadlineHours * hour);
    const cutoff = now.getTime() - s.inspectionDeadlineHours * hour;
    const offsets = [-3 * hour, -hour - 1, -20 * 60_000, -20 * 60_000, -1, 0, 0, 1, 39 * 60_000, 45 * 60_000, 2 * hour, -30 * hour, -1, -1];
    const received = await createOrderWithItems(db, center.id, offsets.map((_, n) => (n % 3 === 0 ? "in_inspection" : "received")));
    for (const [n, item] of received.entries()) await db.update(items).set({ receivedAt: new Date(cutoff + offsets[n]) }).where(eq(items.id, item.id));
    // Empty: held for a buyer. One item: awaiting putaway. Passed to dispatch: the seller's returns are not in it, a missing destination is the buyer's.
    const [putaway] = await createOrderWithItems(db, center.id, ["awaiting_putaway"], { type: "storage" });
    await db.update(items).set({ queueEnteredAt: new Date(now.getTime() - s.awaitingPutawayHours * hour - 5_000) }).where(eq(items.id, putaway.id));
    const dispatch = await createOrderWithItems(db, center.id, ["passed", "awaiting_pick", "awaiting_pack", "packed", "awaiting_pick"]);
    const entered = new Date(now.getTime() - s.passedToDispatchHours * hour - 60_000);
    await db.update(items).set({ queueEnteredAt: entered, destination: "buyer" }).where(inArray(items.id, dispatch.slice(0, 3).map((i) => i.id)));
    await db.update(items).set({ queueEnteredAt: entered, destination: null }).where(eq(items.id, dispatch[3].id));
    await db.update(items).set({ queueEnteredAt: entered, destination: "seller" }).where(eq(items.id, dispatch[4].id));

    const label = "built world";
    expect(await expectTrueAges(db, center.id, now, `${label}, deltas`)).toBe(3);
    await foldRollups(db);
    expect(await expectTrueAges(db, center.id, now, `${label}, folded`)).toBe(3);
    const [byQueue] = await queueAges(db, center.id, now);
    expect(byQueue.count).toBe(offsets.length);
    // Older than the limit: -3 h, -1 h -1 ms, -20 min (twice), -1 ms (three times), -30 h; not the two at it nor the later ones.
    expect(byQueue.breached).toBe(8);
    const ages = await queueAges(db, center.id, now);
    expect(ages.find((q) => q.key === "heldForBuyer")).toMatchObject({ count: 0, breached: 0, oldestHours: null, oldest: [] });
    expect(ages.find((q) => q.key === "awaitingPutaway")).toMatchObject({ count: 1, breached: 1 });
    expect(ages.find((q) => q.key === "passedToDispatch")).toMatchObject({ count: 4, breached: 4 });

    // The queues move on: a verdict, a dispatch, a destination changed; then every moment of a day, hour by hour and at the edges.
    await db.update(items).set({ state: "passed", queueEnteredAt: now }).where(eq(items.id, received[1].id));
    await db.update(items).set({ state: "dispatched" }).where(eq(items.id, dispatch[0].id));
    await db.update(items).set({ destination: "seller" }).where(eq(items.id, dispatch[1].id));
    for (const later of [0, 1, 20 * 60_000 - 1, 20 * 60_000, hour, 5 * hour + 1, 30 * hour]) {
      await expectTrueAges(db, center.id, new Date(now.getTime() + later), `${label} +${later} ms`);
    }
    // Emptied hours leave no folded rows behind.
    await db.update(items).set({ state: "stored" }).where(eq(items.id, putaway.id));
    await foldRollups(db);
    const zeros = rowsOf(await db.execute(sql`select count(*)::int as n from rollup_counts where center_id = ${center.id}::uuid and n = 0`));
    expect(Number(zeros[0]?.n)).toBe(0);
    await expectTrueAges(db, center.id, now, `${label}, after the putaway`);
  }, 120_000);
});

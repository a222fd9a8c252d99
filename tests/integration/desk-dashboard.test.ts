import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { bins, inspections, itemEvents, items, products, zones, type Item } from "@/db/schema";
import { binUtilisation, queueAges } from "@/lib/desk/dashboard-figures";
import { failReasons, throughputTodayVsLastWeek, verdictMix } from "@/lib/desk/dashboard-rollups";
import { countItemsByState } from "@/lib/desk/dashboard-queries";
import { listItemsInState } from "@/lib/desk/list-items";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser, uniq } from "../helpers/fixtures";

const hour = 3600_000;
// 2030-03-11 00:00 in Seoul (UTC+9) is 2030-03-10 15:00 UTC.
const dayStart = new Date(Date.UTC(2030, 2, 10, 15));
const now = new Date(dayStart.getTime() + 12 * hour);
const ago = (h: number) => new Date(now.getTime() - h * hour);

describeEachDb("desk dashboard figures", (use) => {
  let centerId: string;
  let one: (state: Item["state"], set?: Partial<Item>, opts?: { category?: string }) => Promise<Item>;
  const event = (item: Item, action: string, at: Date, fromState: string | null = null, toState: string | null = null) =>
    use().insert(itemEvents).values({ itemId: item.id, centerId, action, fromState: fromState as never, toState: toState as never, createdAt: at });

  beforeAll(async () => {
    const db = use();
    centerId = (await createCenter(db)).id;
    one = async (state, set = {}, opts = {}) => {
      const [item] = await createOrderWithItems(db, centerId, [state], opts);
      if (Object.keys(set).length) await db.update(items).set(set).where(eq(items.id, item.id));
      return { ...item, ...set };
    };
  });

  it("counts items per state and pages the items behind a count", async () => {
    const db = use();
    const own = (await createCenter(db)).id;
    await createOrderWithItems(db, own, ["stored", "stored", "stored", "received", "expected"]);
    const counts = await countItemsByState(db, own);
    expect([counts.stored, counts.received, counts.expected, counts.dispatched]).toEqual([3, 1, 1, 0]);
    const page1 = await listItemsInState(db, own, "stored", 1);
    expect([page1.total, page1.rows.length]).toEqual([3, 3]);
    expect((await listItemsInState(db, own, "stored", 2)).rows).toEqual([]);
  });

  it("ages each queue from when the item entered it and flags those over the center's limits", async () => {
    await one("received", { receivedAt: ago(30) });
    await one("in_inspection", { receivedAt: ago(2) });
    // queueEnteredAt as applyTransition stamps it on the pass (tests/integration/queue-entry.test.ts).
    const late = await one("awaiting_pack", { receivedAt: ago(40), destination: "buyer", queueEnteredAt: ago(30) });
    await event(late, "pass", ago(30), "in_inspection", "passed");
    const fresh = await one("packed", { receivedAt: ago(40), destination: "buyer", queueEnteredAt: ago(3) });
    await event(fresh, "pass", ago(3), "in_inspection", "passed");
    const returning = await one("awaiting_pack", { receivedAt: ago(50), destination: "seller" });
    await event(returning, "fail", ago(49), "in_inspection", "failed");
    const held = await one("held", { receivedAt: ago(20), queueEnteredAt: ago(10) });
    await event(held, "hold", ago(10), "in_inspection", "held");
    const putaway = await one("awaiting_putaway", { receivedAt: ago(12), queueEnteredAt: ago(9) });
    await event(putaway, "route_storage", ago(9), "passed", "awaiting_putaway");

    const queues = Object.fromEntries((await queueAges(use(), centerId, now)).map((q) => [q.key, q]));
    expect(queues.receivedToVerdict).toMatchObject({ limitHours: 24, count: 2, breached: 1 });
    expect(queues.receivedToVerdict.oldestHours).toBeCloseTo(30, 5);
    expect(queues.passedToDispatch).toMatchObject({ limitHours: 24, count: 2, breached: 1 });
    expect(queues.passedToDispatch.oldest.map((i) => [i.id, Math.round(i.hours), i.breached])).toEqual([
      [late.id, 30, true],
      [fresh.id, 3, false],
    ]);
    expect(queues.heldForBuyer).toMatchObject({ limitHours: 72, count: 1, breached: 0 });
    expect(queues.heldForBuyer.oldestHours).toBeCloseTo(10, 5);
    expect(queues.awaitingPutaway).toMatchObject({ limitHours: 8, count: 1, breached: 1 });
  });

  it("counts a queue longer than the ten oldest it lists: every item counted, breaches counted, oldest first", async () => {
    const db = use();
    const own = (await createCenter(db)).id;
    const units = await createOrderWithItems(db, own, Array.from({ length: 13 }, () => "received" as const));
    // Ages 20, 21, … 32 hours: the eight above 24 h breach the 24 h limit.
    for (const [i, unit] of units.entries()) await db.update(items).set({ receivedAt: ago(20 + i) }).where(eq(items.id, unit.id));
    const queue = (await queueAges(db, own, now)).find((q) => q.key === "receivedToVerdict")!;
    expect(queue).toMatchObject({ count: 13, breached: 8 });
    expect(queue.oldest).toHaveLength(10);
    expect(queue.oldest.map((i) => Math.round(i.hours))).toEqual([32, 31, 30, 29, 28, 27, 26, 25, 24, 23]);
    expect(queue.oldestHours).toBeCloseTo(32, 5);
  });

  it("counts receipts, verdicts and dispatches per local hour today against the same hours last week", async () => {
    const db = use();
    const own = (await createCenter(db, { timezone: "Asia/Seoul" })).id;
    const [item] = await createOrderWithItems(db, own, ["dispatched"]);
    const at = (h: number, m: number, daysBack = 0) => new Date(dayStart.getTime() + h * hour + m * 60_000 - daysBack * 24 * hour);
    const ev = (action: string, when: Date, from: string | null = null) =>
      db.insert(itemEvents).values({ itemId: item.id, centerId: own, action, fromState: from as never, createdAt: when });
    await ev("receive", at(9, 10), "expected");
    await ev("receive", at(9, 50), "expected");
    await ev("pass", at(9, 20), "in_inspection");
    await ev("pass", at(9, 21), "held"); // a buyer's decision, not an inspection
    await ev("fail", at(10, 0), "in_inspection");
    await ev("dispatch", at(10, 5), "packed");
    await ev("label_printed", at(10, 6), "packed");
    await ev("hand_over", at(10, 30), "quarantined"); // left the building too
    await ev("receive", at(9, 30, 7), "expected");
    await ev("receive", at(13, 0, 7), "expected"); // later than now's hour last week
    await ev("receive", at(9, 30, 1), "expected"); // yesterday: in neither

    const rows = await throughputTodayVsLastWeek(db, own, "Asia/Seoul", dayStart, now);
    expect(rows).toHaveLength(24);
    expect(rows[9]).toEqual({ hour: 9, today: { hour: 9, received: 2, inspected: 1, dispatched: 0 }, lastWeek: { hour: 9, received: 1, inspected: 0, dispatched: 0 } });
    expect(rows[10].today).toEqual({ hour: 10, received: 0, inspected: 1, dispatched: 2 });
    const total = rows.reduce((n, r) => n + r.today.received + r.today.inspected + r.today.dispatched + r.lastWeek.received, 0);
    expect(total).toBe(7);
  });

  it("gives the verdict mix and fail reasons by brand and category, by the verdict that stands, in the range", async () => {
    const db = use();
    const center = await createCenter(db);
    const own = center.id;
    const inspector = await createUser(db, own, "inspector");
    const sku = uniq("SKU-");
    await db.insert(products).values({ sku, brand: "Nike", nameEn: "Dunk", nameKo: "덩크", category: "sneakers", colour: "W", releasePrice: 1, sizes: "270", sizeClass: "S" });
    const verdict = async (opts: { sku?: string; category?: string; verdict: string; reasons?: string[]; review?: string; at: Date }) => {
      const [item] = await createOrderWithItems(db, own, ["awaiting_pack"], { category: opts.category });
      if (opts.sku) await db.update(items).set({ sku: opts.sku }).where(eq(items.id, item.id));
      await db.insert(inspections).values({
        itemId: item.id,
        centerId: own,
        inspectorId: inspector.id,
        status: "done",
        verdict: opts.verdict as never,
        reasonCodes: opts.reasons ?? [],
        reviewVerdict: (opts.review ?? null) as never,
        claimedAt: opts.at,
        submittedAt: opts.at,
        durationMs: 60_000,
      });
    };
    await verdict({ sku, verdict: "pass", at: ago(1) });
    await verdict({ sku, verdict: "fail_used", reasons: ["USED_SOLE", "USED_BOX"], at: ago(2) });
    await verdict({ sku, verdict: "fail_used", reasons: ["USED_SOLE"], at: ago(3) });
    await verdict({ category: "bags", verdict: "fail_defect", reasons: ["DEF_STRAP"], review: "pass_minor_defect", at: ago(4) });
    await verdict({ category: "bags", verdict: "pass", at: ago(24 * 5) }); // outside the range

    const key = (r: { brand: string; category: string }) => `${r.brand}|${r.category}`;
    // A ragged range (read from the inspections) and two whole local days (read from the rollups) hold the same verdicts.
    for (const [from, to] of [[ago(24), now], [new Date(dayStart.getTime() - 24 * hour), new Date(dayStart.getTime() + 24 * hour)]]) {
      const mix = await verdictMix(db, center, from, to);
      expect(mix.map((r) => `${key(r)}|${r.verdict}|${r.count}`).sort()).toEqual(
        ["Nike|sneakers|pass|1", "Nike|sneakers|fail_used|2", "—|bags|pass_minor_defect|1"].sort(),
      );
      const reasons = await failReasons(db, center, from, to);
      expect(reasons.map((r) => `${key(r)}|${r.reason}|${r.count}`).sort()).toEqual(
        ["Nike|sneakers|USED_SOLE|2", "Nike|sneakers|USED_BOX|1", "—|bags|DEF_STRAP|1"].sort(),
      );
      expect(reasons[0]).toMatchObject({ reason: "USED_SOLE", count: 2 });
    }
  });

  it("sums active bins' capacity and occupancy per zone and size class", async () => {
    const db = use();
    const own = (await createCenter(db)).id;
    const [zone] = await db.insert(zones).values({ centerId: own, code: "A", name: "Shoes" }).returning();
    const bin = (code: string, capacity: number, occupied: number, active = true, sizeClass: "S" | "M" = "S") =>
      db.insert(bins).values({ centerId: own, zoneId: zone.id, code, sizeClass, capacity, occupied, pickSequence: 1, active });
    await bin("BIN-A-01-01-1", 6, 3);
    await bin("BIN-A-01-01-2", 4, 4);
    await bin("BIN-A-01-01-3", 5, 0, false);
    await bin("BIN-A-01-02-1", 2, 1, true, "M");
    expect(await binUtilisation(db, own)).toEqual([
      { zone: "A", sizeClass: "M", bins: 1, capacity: 2, occupied: 1 },
      { zone: "A", sizeClass: "S", bins: 2, capacity: 10, occupied: 7 },
    ]);
  });
}, {
  // The figures are read from history rows written straight into item_events (to place them in
  // time), not made by transitions, so the rules between items and their events cannot hold.
  invariants: false,
});

import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { centers, inspections, itemEvents, rollupDeltas } from "@/db/schema";
import { rowsOf } from "@/db/result-rows";
import { seedDemo } from "@/db/seed/seed-demo";
import { movesByHourFromEvents, failReasonsFromInspections, verdictMixFromInspections } from "@/lib/desk/dashboard-figures";
import { countItemsByState, countItemsByStateFromItems } from "@/lib/desk/dashboard-queries";
import { failReasons, movesByHour, verdictMix } from "@/lib/desk/dashboard-rollups";
import { localToday, parseDateRange } from "@/lib/desk/date-range";
import { checkInvariants } from "@/lib/invariants/check-invariants";
import { foldRollups } from "@/lib/rollups/fold-rollups";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";

const hour = 3600_000;
const rule = "rollups equal the counts recomputed from the base tables";
const sorted = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

describeEachDb("desk rollups", (use) => {
  it("give the same figures as the base tables on the demo world, before and after a fold, for whole and ragged ranges", async () => {
    const db = use();
    await seedDemo(db);
    const now = new Date();
    const all = await db.select().from(centers);
    const compare = async () => {
      for (const center of all) {
        expect(await countItemsByState(db, center.id)).toEqual(await countItemsByStateFromItems(db, center.id));
        const today = parseDateRange(center.timezone, now, {});
        const month = parseDateRange(center.timezone, now, { from: localToday(center.timezone, new Date(now.getTime() - 30 * 24 * hour)), to: today.toDate });
        const ranges = [
          [today.from, today.to],
          [month.from, month.to],
          [today.from, now], // today so far: a ragged end
          [new Date(now.getTime() - 50 * hour - 7 * 60_000), new Date(now.getTime() - 3 * hour + 11 * 60_000)], // ragged both ends
        ];
        for (const [from, to] of ranges) {
          expect(await movesByHour(db, center.id, center.timezone, from, to)).toEqual(await movesByHourFromEvents(db, center.id, center.timezone, from, to));
          expect(await verdictMix(db, center, from, to)).toEqual(await verdictMixFromInspections(db, center.id, from, to));
          // Ties in count, brand and reason come back in any order from the base query.
          expect(sorted(await failReasons(db, center, from, to))).toEqual(sorted(await failReasonsFromInspections(db, center.id, from, to)));
        }
        const monthMix = await verdictMix(db, center, month.from, month.to);
        expect(monthMix.reduce((n, r) => n + r.count, 0), `${center.code} has verdicts this month`).toBeGreaterThan(0);
      }
    };
    await compare();
    expect(await foldRollups(db)).toBeGreaterThan(0);
    expect(await db.select().from(rollupDeltas)).toEqual([]);
    await compare();
    expect((await checkInvariants(db)).breaches).toEqual([]);
  }, 300_000);

  it("are caught by the invariant checker when wrong, as a delta and as a folded count", async () => {
    const db = use();
    const center = await createCenter(db);
    await createOrderWithItems(db, center.id, ["stored", "stored", "received"]);
    const checked = async () => (await checkInvariants(db, { centerIds: [center.id] })).breaches.find((b) => b.rule === rule);
    expect(await checked()).toBeUndefined();

    const [wrong] = await db
      .insert(rollupDeltas)
      .values({ centerId: center.id, figure: "items_in_state", period: new Date(0), label: "stored", n: 1 })
      .returning();
    expect(await checked()).toMatchObject({ count: 1, examples: [{ figure: "items_in_state", label: "stored", rollup: 3, truth: 2 }] });
    expect((await countItemsByState(db, center.id)).stored).toBe(3);
    await db.delete(rollupDeltas).where(eq(rollupDeltas.id, wrong.id));

    await foldRollups(db);
    await db.execute(sql`update rollup_counts set n = n - 1 where center_id = ${center.id}::uuid and figure = 'items_in_state' and label = 'received'`);
    const breach = await checked();
    expect(breach?.count).toBe(1);
    expect(rowsOf(await db.execute(sql`select count(*)::int as n from rollup_current where center_id = ${center.id}::uuid and figure = 'items_in_state' and label = 'received'`))[0].n).toBe(0);
    await db.execute(sql`update rollup_counts set n = n + 1 where center_id = ${center.id}::uuid and figure = 'items_in_state' and label = 'received'`);
    expect(await checked()).toBeUndefined();
  });

  it("count an inspection from the moment it is done or awaiting review, through every change of its status, and never before", async () => {
    const db = use();
    const center = await createCenter(db);
    const inspector = await createUser(db, center.id, "inspector");
    const [item] = await createOrderWithItems(db, center.id, ["in_inspection"]);
    const deltas = async () => (await db.select().from(rollupDeltas).where(eq(rollupDeltas.centerId, center.id))).filter((d) => d.figure !== "items_in_state" && d.figure !== "moves" && d.figure !== "queue_entries");
    const holds = async () => expect((await checkInvariants(db, { centerIds: [center.id] })).breaches.find((b) => b.rule === rule)).toBeUndefined();

    // A claim (an open inspection) counts nowhere: no delta is written for it.
    const [claim] = await db.insert(inspections).values({ itemId: item.id, centerId: center.id, inspectorId: inspector.id }).returning();
    expect(await deltas()).toEqual([]);
    await holds();
    const set = (values: Partial<typeof inspections.$inferInsert>) => db.update(inspections).set(values).where(eq(inspections.id, claim.id));
    await set({ note: "still looking" });
    expect(await deltas()).toEqual([]);

    // Every step from there on moves the rollups with the base table.
    await set({ status: "awaiting_review", verdict: "fail_counterfeit", reasonCodes: ["FAKE_LOGO"], submittedAt: new Date() });
    expect((await deltas()).length).toBeGreaterThan(0);
    await holds();
    await set({ status: "done", reviewVerdict: "pass" });
    await holds();
    await set({ status: "released" });
    await holds();
    await set({ status: "done" });
    await holds();
    await foldRollups(db);
    await db.delete(inspections).where(eq(inspections.id, claim.id));
    await holds();
    // Inserted already done (an import, the benchmark's data): counted at once.
    await db.insert(inspections).values({ itemId: item.id, centerId: center.id, inspectorId: inspector.id, status: "done", verdict: "pass", submittedAt: new Date() });
    await holds();
    expect((await verdictMix(db, center, new Date(Date.now() - hour), new Date(Date.now() + hour))).map((r) => r.count)).toEqual([1]);
  });

  it("follow a center's time zone change: its verdicts move to the new local days", async () => {
    const db = use();
    const center = await createCenter(db);
    const [item] = await createOrderWithItems(db, center.id, ["received"]);
    const inspector = await createUser(db, center.id, "inspector");
    // 23:30 UTC: already tomorrow in Seoul, still today in London.
    const at = new Date(Date.UTC(2031, 0, 10, 23, 30));
    await db.insert(inspections).values({ itemId: item.id, centerId: center.id, inspectorId: inspector.id, status: "done", verdict: "pass", claimedAt: at, submittedAt: at });
    const day = (tz: string) => parseDateRange(tz, at, {});
    const verdictDays = async () =>
      rowsOf(await db.execute(sql`select period from rollup_current where center_id = ${center.id}::uuid and figure = 'verdicts'`)).map((r) => new Date(String(r.period)).toISOString());
    expect(await verdictMix(db, center, day("Asia/Seoul").from, day("Asia/Seoul").to)).toMatchObject([{ verdict: "pass", count: 1 }]);
    expect(await verdictDays()).toEqual(["2031-01-10T15:00:00.000Z"]);
    await db.update(centers).set({ timezone: "Europe/London" }).where(eq(centers.id, center.id));
    const london = { ...center, timezone: "Europe/London" };
    expect(await verdictMix(db, london, day("Europe/London").from, day("Europe/London").to)).toMatchObject([{ verdict: "pass", count: 1 }]);
    expect(await verdictDays()).toEqual(["2031-01-10T00:00:00.000Z"]);
    expect((await checkInvariants(db, { centerIds: [center.id] })).breaches).toEqual([]);
  });

  it("count throughput per one-minute slot, so today so far reads at most a minute of events, in a zone 5:45 off UTC too", async () => {
    const db = use();
    const center = await createCenter(db, { timezone: "Asia/Kathmandu" });
    const [item] = await createOrderWithItems(db, center.id, ["received"]);
    const at = (time: string) => new Date(`2031-03-04T${time}Z`);
    // 10:14:59.5 and 10:15:00 fall in two slots; 10:15:00 and 10:15:59.9 in one; 12:15 UTC is 18:00 in Kathmandu.
    const times = ["10:14:59.500", "10:15:00.000", "10:15:59.900", "12:14:59.999", "12:15:00.000", "12:16:30.000"];
    await db.insert(itemEvents).values(times.map((t) => ({ itemId: item.id, centerId: center.id, action: "receive", toState: "received" as const, createdAt: at(t) })));
    const slots = rowsOf(
      await db.execute(sql`select period, n from rollup_current where center_id = ${center.id}::uuid and figure = 'moves' and period >= ${at("00:00:00").toISOString()}::timestamptz order by period`),
    ).map((r) => [new Date(String(r.period)).toISOString().slice(11, 19), Number(r.n)]);
    expect(slots).toEqual([["10:14:00", 1], ["10:15:00", 2], ["12:14:00", 1], ["12:15:00", 1], ["12:16:00", 1]]);
    const ranges = [
      [at("00:00:00"), at("23:00:00")],
      [at("10:15:00"), at("12:15:00")],
      [at("10:14:59.600"), at("12:16:29.000")],
    ];
    for (const [from, to] of ranges) expect(await movesByHour(db, center.id, center.timezone, from, to)).toEqual(await movesByHourFromEvents(db, center.id, center.timezone, from, to));
    const hours = await movesByHour(db, center.id, center.timezone, at("00:00:00"), at("23:00:00"));
    expect(hours.filter((h) => h.received > 0).map((h) => [h.hour, h.received])).toEqual([[15, 1], [16, 2], [17, 1], [18, 2]]);
  });
});

import { eq, getTableColumns } from "drizzle-orm";
import { expect, it } from "vitest";
import { centers, inspections, users, type InspectionStatus } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed-demo";
import type { Db } from "@/db/client";
import { parseDateRange, localToday } from "@/lib/desk/date-range";
import { inspectorTimes, type InspectorStats } from "@/lib/inspection/inspector-times";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";

const hour = 3600_000;

/** The figures recomputed in TypeScript from every inspection of the center: the oracle. */
async function timesFromRows(db: Db, centerId: string, from: Date, to: Date): Promise<InspectorStats[]> {
  const rows = await db.select({ ...getTableColumns(inspections), name: users.name }).from(inspections).innerJoin(users, eq(users.id, inspections.inspectorId)).where(eq(inspections.centerId, centerId));
  const byInspector = new Map<string, { name: string; durations: (number | null)[] }>();
  for (const r of rows) {
    if (!["done", "awaiting_review"].includes(r.status) || !r.submittedAt || r.submittedAt < from || r.submittedAt >= to) continue;
    const entry = byInspector.get(r.inspectorId) ?? { name: r.name, durations: [] };
    entry.durations.push(r.durationMs);
    byInspector.set(r.inspectorId, entry);
  }
  return [...byInspector].map(([inspectorId, { name, durations }]) => {
    const known = durations.filter((d): d is number => d !== null).sort((a, b) => a - b);
    const middle = (known.length - 1) / 2;
    return {
      inspectorId,
      name,
      count: durations.length,
      avgMs: known.length ? Math.round(known.reduce((s, d) => s + d, 0) / known.length) : null,
      medianMs: known.length ? (known[Math.floor(middle)] + known[Math.ceil(middle)]) / 2 : null,
    };
  });
}

const byId = (rows: InspectorStats[]) => [...rows].sort((a, b) => a.inspectorId.localeCompare(b.inspectorId));

describeEachDb("claim-to-verdict times per inspector", (use) => {
  it("equal the figures recomputed from every inspection on the demo world, for whole days and ragged ranges", async () => {
    const db = use();
    await seedDemo(db);
    const now = new Date();
    for (const center of await db.select().from(centers)) {
      const today = parseDateRange(center.timezone, now, {});
      const month = parseDateRange(center.timezone, now, { from: localToday(center.timezone, new Date(now.getTime() - 30 * 24 * hour)), to: today.toDate });
      const ranges: [Date, Date][] = [
        [today.from, today.to],
        [month.from, month.to],
        [today.from, now],
        [new Date(now.getTime() - 50 * hour - 7 * 60_000), new Date(now.getTime() - 3 * hour + 11_000)],
      ];
      for (const [from, to] of ranges) expect(byId(await inspectorTimes(db, center.id, { from, to }))).toEqual(byId(await timesFromRows(db, center.id, from, to)));
      expect((await inspectorTimes(db, center.id, month)).length, `${center.code} has inspectors this month`).toBeGreaterThan(0);
    }
  }, 300_000);

  it("equal the figures recomputed from every inspection: odd and even counts, durations unknown, statuses that do not count, ragged ranges", async () => {
    const db = use();
    const center = await createCenter(db);
    const elsewhere = await createCenter(db);
    const [kim, park, lee] = await Promise.all(["Kim", "Park", "Lee"].map((name) => createUser(db, center.id, "inspector", { name: `${name} ${center.code}` })));
    const visitor = await createUser(db, elsewhere.id, "inspector", { name: `Visitor ${center.code}` });
    const itemsHere = await createOrderWithItems(db, center.id, Array.from({ length: 40 }, () => "passed" as const));
    const [itemElsewhere] = await createOrderWithItems(db, elsewhere.id, ["passed"]);
    const [claimed] = await createOrderWithItems(db, center.id, ["in_inspection"]);
    const base = Date.UTC(2031, 4, 6, 0, 0);
    const rows: (typeof inspections.$inferInsert)[] = [];
    const add = (inspectorId: string, minute: number, durationMs: number | null, status: InspectionStatus = "done", itemId = itemsHere[rows.length % 40].id, centerId = center.id) =>
      rows.push({ itemId, centerId, inspectorId, status, verdict: status === "open" ? null : "pass", claimedAt: new Date(base + minute * 60_000 - (durationMs ?? 0)), submittedAt: status === "open" ? null : new Date(base + minute * 60_000), durationMs });
    // Kim: an even count in the first hours (the median halfway between two values), then an odd one.
    [90_001, 120_000, 61_500, 300_007].forEach((d, i) => add(kim.id, 10 + i * 7, d));
    add(kim.id, 200, 45_250);
    add(kim.id, 61, 999_999, "awaiting_review");
    add(kim.id, 62, 1, "released");
    add(kim.id, 63, null, "open", claimed.id);
    // Park: a duration unknown counts in the count only; Lee: only unknown durations.
    [70_000, null, 80_001].forEach((d, i) => add(park.id, 30 + i * 50, d));
    add(lee.id, 40, null);
    // A visitor from another center inspects here; the same visitor's work elsewhere does not count.
    add(visitor.id, 45, 33_333);
    add(visitor.id, 46, 44_444, "done", itemElsewhere.id, elsewhere.id);
    await db.insert(inspections).values(rows);

    const at = (minute: number, ms = 0) => new Date(base + minute * 60_000 + ms);
    const ranges: [Date, Date][] = [
      [at(0), at(24 * 60)],
      [at(10), at(31)], // Kim's first three
      [at(10, 1), at(200, 1)], // ragged both ends
      [at(0), at(61, 1)],
      [at(300), at(400)], // nobody
    ];
    for (const [from, to] of ranges) expect(byId(await inspectorTimes(db, center.id, { from, to })), `${from.toISOString()}–${to.toISOString()}`).toEqual(byId(await timesFromRows(db, center.id, from, to)));
    const day = await inspectorTimes(db, center.id, { from: at(0), to: at(24 * 60) });
    expect(day.find((p) => p.inspectorId === kim.id)).toEqual({ inspectorId: kim.id, name: kim.name, count: 6, avgMs: 269460, medianMs: 105000.5 });
    expect(day.find((p) => p.inspectorId === lee.id)).toMatchObject({ count: 1, avgMs: null, medianMs: null });
    // Slowest median first.
    expect(day.map((p) => p.medianMs)).toEqual([...day.map((p) => p.medianMs)].sort((a, b) => (b ?? 0) - (a ?? 0)));
  });
});

import { expect, it } from "vitest";
import { inspections } from "@/db/schema";
import { loadDashboard } from "@/lib/desk/dashboard-data";
import { localDayStart, localToday } from "@/lib/desk/date-range";
import { inspectorTimes, type InspectorStats } from "@/lib/inspection/inspector-times";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";

const day = 24 * 3600_000;
const byId = (rows: InspectorStats[]) => [...rows].sort((a, b) => a.inspectorId.localeCompare(b.inspectorId));

describeEachDb("desk: claim-to-verdict times per inspector cost a week's verdicts whatever the range", (use) => {
  it("a long range shows the figures of its last seven days, equal to the old computation over them; a week or less, all of it", async () => {
    const db = use();
    const center = await createCenter(db);
    const [kim, park] = await Promise.all(["Kim", "Park"].map((name) => createUser(db, center.id, "inspector", { name: `${name} ${center.code}` })));
    const now = new Date();
    const today = localToday(center.timezone, now);
    const todayStart = localDayStart(center.timezone, today);
    // Sixty days of verdicts, three a day: Kim slower in the old days, Park slower in the last week.
    const done = await createOrderWithItems(db, center.id, Array(180).fill("passed"));
    const rows: (typeof inspections.$inferInsert)[] = [];
    for (let d = 0; d < 60; d++) {
      for (let k = 0; k < 3; k++) {
        const inspector = k === 2 ? park : kim;
        const durationMs = (d < 7 ? (inspector === park ? 400_000 : 100_000) : inspector === park ? 50_000 : 900_000) + 1_000 * k + 17 * d;
        const submittedAt = new Date(todayStart.getTime() - d * day + (k + 1) * 3600_000);
        if (submittedAt > now) continue;
        rows.push({ itemId: done[rows.length].id, centerId: center.id, inspectorId: inspector.id, status: "done", verdict: "pass", claimedAt: new Date(submittedAt.getTime() - durationMs), submittedAt, durationMs });
      }
    }
    await db.insert(inspections).values(rows);

    const fromDate = (daysBack: number) => localToday(center.timezone, new Date(todayStart.getTime() - daysBack * day + 12 * 3600_000));
    const long = await loadDashboard(db, center, { from: fromDate(59), to: today }, now);
    expect(long.range).toEqual({ from: fromDate(59), to: today });
    expect(long.inspectorsRange).toEqual({ from: fromDate(6), to: today });
    const week = { from: localDayStart(center.timezone, fromDate(6)), to: new Date(todayStart.getTime() + day) };
    expect(byId(long.inspectors)).toEqual(byId(await inspectorTimes(db, center.id, week)));
    // The week's figures, not the sixty days': Park's median is the slower one this week.
    expect(long.inspectors[0]).toMatchObject({ inspectorId: park.id });
    const sixty = await inspectorTimes(db, center.id, { from: localDayStart(center.timezone, fromDate(59)), to: week.to });
    expect(sixty[0]).toMatchObject({ inspectorId: kim.id });

    const short = await loadDashboard(db, center, { from: fromDate(3), to: today }, now);
    expect(short.inspectorsRange).toEqual(short.range);
    expect(byId(short.inspectors)).toEqual(byId(await inspectorTimes(db, center.id, { from: localDayStart(center.timezone, fromDate(3)), to: week.to })));
  });
});

import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { centers, items } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed-demo";
import { readCenterSettings } from "@/lib/admin/center-settings";
import { queueAges, type QueueKey } from "@/lib/desk/dashboard-figures";
import { describeEachDb } from "../helpers/databases";

const hour = 3600_000;

describeEachDb("desk queue ages", (use) => {
  it("equal the ages recomputed from every item of the center, on the demo world, at several moments", async () => {
    const db = use();
    await seedDemo(db);
    let nonEmpty = 0;
    for (const center of await db.select().from(centers)) {
      const s = await readCenterSettings(db, center.id);
      const all = await db.select().from(items).where(eq(items.centerId, center.id));
      const queueOf = (i: (typeof all)[number]): [QueueKey, number, Date] | null => {
        const entry = i.queueEnteredAt ?? i.receivedAt ?? i.createdAt;
        if (i.state === "received" || i.state === "in_inspection") return ["receivedToVerdict", s.inspectionDeadlineHours, i.receivedAt ?? i.createdAt];
        if (["passed", "awaiting_pick", "awaiting_pack", "packed"].includes(i.state) && (i.destination ?? "buyer") === "buyer") return ["passedToDispatch", s.passedToDispatchHours, entry];
        if (i.state === "held") return ["heldForBuyer", s.heldForBuyerHours, entry];
        if (i.state === "awaiting_putaway") return ["awaitingPutaway", s.awaitingPutawayHours, entry];
        return null;
      };
      // Now, and moments that put the limits of several items between two ages.
      for (const now of [new Date(), new Date(Date.now() + 7 * hour + 13_000), new Date(Date.now() + 50 * hour)]) {
        const expected = new Map<QueueKey, { limit: number; ages: number[] }>();
        for (const i of all) {
          const q = queueOf(i);
          if (!q) continue;
          const entry = expected.get(q[0]) ?? { limit: q[1], ages: [] };
          entry.ages.push((now.getTime() - q[2].getTime()) / hour);
          expected.set(q[0], entry);
        }
        for (const queue of await queueAges(db, center.id, now)) {
          const truth = expected.get(queue.key) ?? { limit: queue.limitHours, ages: [] };
          const ages = truth.ages.sort((a, b) => b - a);
          expect(queue.count, `${center.code} ${queue.key}`).toBe(ages.length);
          expect(queue.breached, `${center.code} ${queue.key} breached`).toBe(ages.filter((a) => a > truth.limit).length);
          expect(queue.oldest.map((o) => o.hours)).toHaveLength(Math.min(10, ages.length));
          queue.oldest.forEach((o, n) => {
            expect(o.hours).toBeCloseTo(ages[n], 6);
            expect(o.breached).toBe(ages[n] > truth.limit);
          });
          if (ages.length) nonEmpty++;
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(6);
  }, 300_000);
});

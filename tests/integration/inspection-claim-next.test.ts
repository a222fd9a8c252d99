import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { items } from "@/db/schema";
import { claimNextItem } from "@/lib/inspection/claim-next";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { createOrderWithItems } from "../helpers/fixtures";
import { claimedItem, ctxOf, inspectionCenter, scan, snapshot } from "./inspection-fixtures";

describeEachDb("'next item' claims the head of the inspection queue", (use) => {
  const c = worldBeforeAll(use, inspectionCenter);

  it("takes the oldest waiting item; a retry answers the same claim; two inspectors at once get two items; an empty queue is refused", async () => {
    const db = use();
    const now = new Date();
    const arrived = async (minutesAgo: number) => {
      const [item] = await createOrderWithItems(db, c.center.id, ["received"], { type: "storage" });
      await db.update(items).set({ receivedAt: new Date(now.getTime() - minutesAgo * 60_000) }).where(eq(items.id, item.id));
      return item;
    };
    const { inspectionId: done } = await claimedItem(db, ctxOf(c.inspector));
    const newest = await arrived(5);
    const oldest = await arrived(50);
    const middle = await arrived(20);

    const scanId = scan();
    const first = await claimNextItem(db, ctxOf(c.inspector), { scanId, inspectionId: done }, now);
    expect(first).toMatchObject({ itemId: oldest.id, repeated: false });
    expect((await snapshot(db, oldest.id)).item.state).toBe("in_inspection");
    const retry = await claimNextItem(db, ctxOf(c.inspector), { scanId, inspectionId: done }, now);
    expect(retry).toEqual({ ...first, repeated: true });

    const both = await Promise.all([claimNextItem(db, ctxOf(c.inspector), { scanId: scan(), inspectionId: done }, now), claimNextItem(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId: done }, now)]);
    expect(both.map((b) => b.itemId).sort()).toEqual([middle.id, newest.id].sort());
    for (const item of [middle, newest]) expect((await snapshot(db, item.id)).events.filter((e) => e.action === "claim")).toHaveLength(1);

    await expect(claimNextItem(db, ctxOf(c.inspector), { scanId: scan(), inspectionId: done }, now)).rejects.toMatchObject({ code: "not_found:queue_empty" });
    await expect(claimNextItem(db, ctxOf(c.operator), { scanId: scan(), inspectionId: done }, now)).rejects.toMatchObject({ code: "forbidden:role" });
    await expect(claimNextItem(db, ctxOf(c.inspector), { scanId: scan(), inspectionId: "00000000-0000-4000-8000-000000000000" }, now)).rejects.toMatchObject({ code: "not_found:inspection" });
  });
});

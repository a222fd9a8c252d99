import { beforeAll, expect, it } from "vitest";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { describeEachDb } from "../helpers/databases";
import { claimedItem, ctxOf, inspectionCenter, snapshot } from "./inspection-fixtures";

describeEachDb("inspection queue read releases timed-out claims", (use) => {
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let other: Awaited<ReturnType<typeof inspectionCenter>>;
  beforeAll(async () => {
    c = await inspectionCenter(use());
    other = await inspectionCenter(use());
  });

  it("an expired claim is back in the waiting list when the queue is read; a fresh one stays claimed; other centers untouched", async () => {
    const db = use();
    const t0 = new Date();
    const minutesAgo = (m: number) => new Date(t0.getTime() - m * 60_000);
    const expired = await claimedItem(db, ctxOf(c.inspector), {}, minutesAgo(45));
    const fresh = await claimedItem(db, ctxOf(c.inspector2), {}, minutesAgo(5));
    const elsewhere = await claimedItem(db, ctxOf(other.inspector), {}, minutesAgo(45));

    const read = await readInspectionQueue(db, c.center.id, { now: t0 });

    expect(read.released.map((r) => r.itemId)).toEqual([expired.item.id]);
    expect(read.waiting.map((e) => e.itemId)).toContain(expired.item.id);
    expect(read.claims.map((r) => r.itemId)).not.toContain(expired.item.id);
    expect(read.claims.map((r) => r.itemId)).toContain(fresh.item.id);
    const after = await snapshot(db, expired.item.id);
    expect(after.item.state).toBe("received");
    expect(after.inspections.map((i) => i.status)).toEqual(["released"]);
    expect(after.events.at(-1)).toMatchObject({ action: "release_claim", fromState: "in_inspection", toState: "received", details: { reason: "claim_timeout" } });
    expect(after.outbox.at(-1)).toMatchObject({ type: "item.release_claim" });
    expect((await snapshot(db, fresh.item.id)).item.state).toBe("in_inspection");
    expect((await snapshot(db, elsewhere.item.id)).item.state).toBe("in_inspection");
  });

  it("reads at once from two instances release each expired claim exactly once", async () => {
    const db = use();
    const t0 = new Date();
    const claims = await Promise.all([1, 2, 3].map(() => claimedItem(db, ctxOf(c.inspector), {}, new Date(t0.getTime() - 60 * 60_000))));
    const reads = await Promise.all([readInspectionQueue(db, c.center.id, { now: t0 }), readInspectionQueue(db, c.center.id, { now: t0 })]);
    const releasedIds = reads.flatMap((r) => r.released.map((x) => x.itemId)).sort();
    expect(releasedIds).toEqual(claims.map((x) => x.item.id).sort());
    for (const { item } of claims) {
      const after = await snapshot(db, item.id);
      expect(after.item.state).toBe("received");
      expect(after.events.filter((e) => e.action === "release_claim")).toHaveLength(1);
    }
    // A read lists none of the claims it released; one the other read was releasing at that moment it
    // skips (never waits on), so it may still list it; the next read lists none.
    for (const read of reads) for (const { itemId } of read.released) expect(read.claims.map((r) => r.itemId)).not.toContain(itemId);
    const next = await readInspectionQueue(db, c.center.id, { now: t0 });
    for (const { item } of claims) expect(next.claims.map((r) => r.itemId)).not.toContain(item.id);
  });
});

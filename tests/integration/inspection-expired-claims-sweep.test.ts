import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { items } from "@/db/schema";
import { claimItem, EXPIRED_CLAIMS_BATCH, releaseExpiredClaims, releaseIfExpired } from "@/lib/inspection/claims";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { sweepExpiredClaims } from "@/lib/inspection/sweep-expired-claims";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems } from "../helpers/fixtures";
import { claimedItem, ctxOf, inspectionCenter, scan, snapshot } from "./inspection-fixtures";
import type { Db } from "@/db/client";

const minutesAgo = (t0: Date, m: number) => new Date(t0.getTime() - m * 60_000);

/** `n` claims of a fresh center (timeout 30 min), claimed 40+n … 41 minutes before t0: oldest first. */
async function lapsedClaims(db: Db, n: number, t0: Date) {
  const c = await inspectionCenter(db);
  const ctx = ctxOf(c.inspector);
  const received = await createOrderWithItems(db, c.center.id, Array(n).fill("received"));
  const claims = [];
  for (const [i, item] of received.entries()) {
    const claim = await claimItem(db, ctx, { scanId: scan(), itemId: item.id }, minutesAgo(t0, 40 + n - i));
    claims.push({ itemId: item.id, inspectionId: claim.inspectionId });
  }
  return { c, claims };
}

/** Each item's release_claim audit rows and outbox events: exactly one of each per released item. */
async function expectReleasedOnce(db: Db, itemIds: string[]) {
  for (const id of itemIds) {
    const s = await snapshot(db, id);
    expect(s.item.state).toBe("received");
    expect(s.events.filter((e) => e.action === "release_claim")).toHaveLength(1);
    expect(s.outbox.filter((e) => e.type === "item.release_claim")).toHaveLength(1);
  }
}

describeEachDb("inspection: the expired-claims sweep is bounded", (use, kind) => {
  it("one sweep releases one batch per center, the oldest first; queue reads in between release nothing; the next sweep the rest", async () => {
    const db = use();
    const t0 = new Date();
    const { c, claims } = await lapsedClaims(db, EXPIRED_CLAIMS_BATCH + 3, t0);
    const young = await claimedItem(db, ctxOf(c.inspector2), { answered: false }, minutesAgo(t0, 5));
    const read = await readInspectionQueue(db, c.center.id, { now: t0 });
    expect(read.claimsTotal).toBe(1);
    expect((await snapshot(db, claims[0].itemId)).item.state).toBe("in_inspection");
    const first = await sweepExpiredClaims(db, t0);
    expect(first.map((r) => r.inspectionId)).toEqual(claims.slice(0, EXPIRED_CLAIMS_BATCH).map((x) => x.inspectionId));
    const second = await sweepExpiredClaims(db, t0);
    expect(second.map((r) => r.inspectionId)).toEqual(claims.slice(EXPIRED_CLAIMS_BATCH).map((x) => x.inspectionId));
    expect(await sweepExpiredClaims(db, t0)).toEqual([]);
    await expectReleasedOnce(db, claims.map((x) => x.itemId));
    expect((await snapshot(db, young.item.id)).item.state).toBe("in_inspection");
  }, 120_000);

  it("repeated sweeps release every lapsed claim, each once, a batch at a time", async () => {
    const db = use();
    const t0 = new Date();
    const { c, claims } = await lapsedClaims(db, 11, t0);
    const sizes: number[] = [];
    const seen: string[] = [];
    for (let sweep = 0; sweep < 6; sweep++) {
      const released = await releaseExpiredClaims(db, c.center.id, t0, { batch: 4 });
      sizes.push(released.length);
      seen.push(...released.map((r) => r.inspectionId));
    }
    expect(sizes).toEqual([4, 4, 3, 0, 0, 0]);
    expect(seen).toEqual(claims.map((x) => x.inspectionId));
    await expectReleasedOnce(db, claims.map((x) => x.itemId));
  }, 60_000);

  it("two sweeps at once take disjoint claims, none twice", async () => {
    const db = use();
    for (let round = 0; round < 2; round++) {
      const t0 = new Date();
      const { c, claims } = await lapsedClaims(db, 10, t0);
      const [a, b] = await Promise.all([
        releaseExpiredClaims(db, c.center.id, t0, { batch: 4 }),
        releaseExpiredClaims(db, c.center.id, t0, { batch: 4 }),
      ]);
      const ids = [...a, ...b].map((r) => r.inspectionId);
      // Each sweep takes its claims with skip locked: disjoint, and each gets its full batch.
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(8);
      while ((await releaseExpiredClaims(db, c.center.id, t0, { batch: 4 })).length > 0);
      await expectReleasedOnce(db, claims.map((x) => x.itemId));
    }
  }, 120_000);

  it("a claim taken over or judged after the sweep picked it is not released", async () => {
    const db = use();
    const t0 = new Date();
    const c = await inspectionCenter(db);
    const cutoff = minutesAgo(t0, 30);
    // Taken over by another inspector's scan: the old inspection is released once (as a take-over), the new claim kept.
    const taken = await claimedItem(db, ctxOf(c.inspector), {}, minutesAgo(t0, 45));
    const takeover = await claimItem(db, ctxOf(c.inspector2), { scanId: scan(), itemId: taken.item.id }, t0);
    expect(await releaseIfExpired(db, c.center.id, taken.inspectionId, cutoff)).toBeNull();
    expect(await releaseIfExpired(db, c.center.id, takeover.inspectionId, cutoff)).toBeNull();
    const afterTakeover = await snapshot(db, taken.item.id);
    expect(afterTakeover.events.map((e) => e.action)).toEqual(["claim", "release_claim", "claim"]);
    expect(afterTakeover.item.state).toBe("in_inspection");
    // Judged by its inspector just before the sweep locked it.
    const judged = await claimedItem(db, ctxOf(c.inspector), {}, minutesAgo(t0, 45));
    await submitVerdict(db, ctxOf(c.inspector), { scanId: scan(), inspectionId: judged.inspectionId, verdict: "pass" });
    expect(await releaseIfExpired(db, c.center.id, judged.inspectionId, cutoff)).toBeNull();
    const afterVerdict = await snapshot(db, judged.item.id);
    expect(afterVerdict.events.filter((e) => e.action === "release_claim")).toHaveLength(0);
    expect(afterVerdict.inspections[0].status).toBe("done");
    // Still lapsed and untouched: released.
    const lapsed = await claimedItem(db, ctxOf(c.inspector), {}, minutesAgo(t0, 45));
    expect(await releaseIfExpired(db, c.center.id, lapsed.inspectionId, cutoff)).toMatchObject({ inspectionId: lapsed.inspectionId });
  });

  if (kind === "postgres") {
    it("a claim whose item another transaction holds is skipped without waiting, and released by a later sweep", async () => {
      const db = use();
      const t0 = new Date();
      const { c, claims } = await lapsedClaims(db, 3, t0);
      const held = claims[0];
      let letGo!: () => void;
      const gate = new Promise<void>((resolve) => (letGo = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = db.transaction(async (tx) => {
        await tx.select({ id: items.id }).from(items).where(eq(items.id, held.itemId)).for("update");
        locked();
        await gate;
      });
      await isLocked;
      const started = Date.now();
      const released = await releaseExpiredClaims(db, c.center.id, t0, { batch: 10 });
      expect(Date.now() - started).toBeLessThan(5_000);
      letGo();
      await holder;
      expect(released.map((r) => r.inspectionId)).toEqual(claims.slice(1).map((x) => x.inspectionId));
      expect((await releaseExpiredClaims(db, c.center.id, t0, { batch: 10 })).map((r) => r.inspectionId)).toEqual([held.inspectionId]);
      await expectReleasedOnce(db, claims.map((x) => x.itemId));
    });
  }
});

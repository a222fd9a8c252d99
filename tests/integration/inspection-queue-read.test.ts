import { inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { items } from "@/db/schema";
import { listInspectionQueue } from "@/lib/inspection/list-inspection-queue";
import { toQueueData } from "@/lib/inspection/queue-row";
import { createOrderWithItems } from "../helpers/fixtures";
import { runRelayLoop } from "@/lib/api/relay-loop";
import { claimItem } from "@/lib/inspection/claims";
import { claimNextItem } from "@/lib/inspection/claim-next";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { sweepExpiredClaims } from "@/lib/inspection/sweep-expired-claims";
import { runFoldLoop } from "@/lib/rollups/fold-loop";
import { foldRollups } from "@/lib/rollups/fold-rollups";
import { loadCenterSettings } from "@/lib/inspection/inspection-settings";
import { describeEachDb } from "../helpers/databases";
import { claimedItem, ctxOf, inspectionCenter, scan, snapshot } from "./inspection-fixtures";

describeEachDb("inspection queue: a read only reads; timed-out claims are free until the sweep releases them", (use) => {
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let other: Awaited<ReturnType<typeof inspectionCenter>>;
  beforeAll(async () => {
    c = await inspectionCenter(use());
    other = await inspectionCenter(use());
  });

  it("an expired claim waits in the list and is not counted as a claim, the read writes nothing; a fresh one stays claimed", async () => {
    const db = use();
    const t0 = new Date();
    const minutesAgo = (m: number) => new Date(t0.getTime() - m * 60_000);
    const expired = await claimedItem(db, ctxOf(c.inspector), {}, minutesAgo(45));
    const fresh = await claimedItem(db, ctxOf(c.inspector2), {}, minutesAgo(5));
    const before = await snapshot(db, expired.item.id);

    const read = await readInspectionQueue(db, c.center.id, { now: t0, viewerId: c.inspector.id });

    expect(read.waiting.map((e) => e.itemId)).toContain(expired.item.id);
    expect(read.waiting.map((e) => e.itemId)).not.toContain(fresh.item.id);
    expect(read.claims.map((r) => r.itemId)).not.toContain(expired.item.id);
    expect(read.claims.map((r) => r.itemId)).toContain(fresh.item.id);
    expect(read.claimsTotal).toBe(read.claims.length);
    // Nothing written: the claim is still open, no audit row, no event.
    expect(await snapshot(db, expired.item.id)).toEqual(before);

    // Another inspector claims it from the list: taken over as timed out, in one transaction.
    const taken = await claimItem(db, ctxOf(c.inspector2), { scanId: scan(), itemId: expired.item.id }, t0);
    expect(taken.tookOverFrom).toMatchObject({ userId: c.inspector.id });
    const after = await snapshot(db, expired.item.id);
    expect(after.inspections.map((i) => i.status)).toEqual(["released", "open"]);
    expect(after.events.map((e) => e.action)).toEqual(["claim", "release_claim", "claim"]);
    expect(after.events[1]).toMatchObject({ details: { reason: "claim_timeout_takeover" } });
  });

  it("'next item' takes an item whose claim timed out, when it is the head of the queue", async () => {
    const db = use();
    const fresh = await inspectionCenter(db);
    const t0 = new Date();
    const lapsed = await claimedItem(db, ctxOf(fresh.inspector), {}, new Date(t0.getTime() - 60 * 60_000));
    const done = await claimedItem(db, ctxOf(fresh.inspector2), {}, t0);
    const next = await claimNextItem(db, ctxOf(fresh.inspector2), { scanId: scan(), inspectionId: done.inspectionId }, t0);
    expect(next).toMatchObject({ itemId: lapsed.item.id, tookOverFrom: { userId: fresh.inspector.id } });
  });

  it("the sweep releases expired claims of every center, once; the app's fold loop and the relay run it", async () => {
    const db = use();
    const t0 = new Date();
    const hourAgo = new Date(t0.getTime() - 60 * 60_000);
    const here = await claimedItem(db, ctxOf(c.inspector), {}, hourAgo);
    const there = await claimedItem(db, ctxOf(other.inspector), {}, hourAgo);
    const young = await claimedItem(db, ctxOf(c.inspector2), {}, t0);
    const released = (await sweepExpiredClaims(db, t0)).map((r) => r.itemId);
    expect(released).toEqual(expect.arrayContaining([here.item.id, there.item.id]));
    expect(released).not.toContain(young.item.id);
    expect(await sweepExpiredClaims(db, t0)).toEqual([]);
    for (const { item } of [here, there]) {
      const after = await snapshot(db, item.id);
      expect(after.item.state).toBe("received");
      expect(after.events.at(-1)).toMatchObject({ action: "release_claim", fromState: "in_inspection", toState: "received", details: { reason: "claim_timeout" } });
      expect(after.outbox.at(-1)).toMatchObject({ type: "item.release_claim" });
    }
    expect((await snapshot(db, young.item.id)).item.state).toBe("in_inspection");

    // The loops, given only a signal (as instrumentation.ts and `npm run relay` start them), sweep.
    for (const start of [(signal: AbortSignal) => runFoldLoop(async () => db, { signal, intervalMs: 20 }), (signal: AbortSignal) => runRelayLoop(db, { signal, intervalMs: 20 })]) {
      const lapsed = await claimedItem(db, ctxOf(c.inspector), {}, hourAgo);
      const stop = new AbortController();
      const loop = start(stop.signal);
      const deadline = Date.now() + 20_000;
      while ((await snapshot(db, lapsed.item.id)).item.state !== "received" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      stop.abort();
      await loop;
      expect((await snapshot(db, lapsed.item.id)).item.state).toBe("received");
    }
  });

  it("counts every unit waiting, past the page: received ones not flagged for return, and timed-out claims; as the items say", async () => {
    const db = use();
    const fresh = await inspectionCenter(db);
    const t0 = new Date();
    await createOrderWithItems(db, fresh.center.id, ["received", "received", "received", "received", "received"]);
    const flagged = await createOrderWithItems(db, fresh.center.id, ["received", "received"]);
    await db.update(items).set({ returnToSeller: true }).where(inArray(items.id, flagged.map((i) => i.id)));
    await claimedItem(db, ctxOf(fresh.inspector), {}, new Date(t0.getTime() - 60 * 60_000));
    await claimedItem(db, ctxOf(fresh.inspector2), {}, t0);
    const read = await readInspectionQueue(db, fresh.center.id, { now: t0, limit: 3 });
    expect(read.waiting).toHaveLength(3);
    expect(read.waitingTotal).toBe(5 + 1);
    // The same from the items and claims themselves.
    const truth = (await listInspectionQueue(db, fresh.center.id, { now: t0, limit: 1000 })).length;
    expect(read.waitingTotal).toBe(truth);
    // The screen's data carries it.
    expect(toQueueData(read)).toMatchObject({ waitingTotal: 6 });
  });
  it("counts every unit past its deadline, past the page: as the full list says, before and after a fold", async () => {
    const db = use();
    const fresh = await inspectionCenter(db);
    const t0 = new Date();
    const { inspectionDeadlineHours } = await loadCenterSettings(db, fresh.center.id);
    const cutoff = t0.getTime() - inspectionDeadlineHours * 3600_000;
    // Around the deadline: long past, in its hour on both sides, at it (not past), and recent.
    const offsets = [-50 * 3600_000, -61 * 60_000, -1, -1, 0, 1, 30 * 60_000, 5 * 3600_000];
    const received = await createOrderWithItems(db, fresh.center.id, offsets.map(() => "received" as const));
    for (const [n, item] of received.entries()) await db.update(items).set({ receivedAt: new Date(cutoff + offsets[n]) }).where(inArray(items.id, [item.id]));
    // Flagged for return (not waiting) and a claim that timed out (waiting again), both long past; a live claim (not waiting).
    const [flagged] = await createOrderWithItems(db, fresh.center.id, ["received"]);
    await db.update(items).set({ returnToSeller: true, receivedAt: new Date(cutoff - 3600_000) }).where(inArray(items.id, [flagged.id]));
    const lapsed = await claimedItem(db, ctxOf(fresh.inspector), {}, new Date(t0.getTime() - 60 * 60_000));
    const live = await claimedItem(db, ctxOf(fresh.inspector2), {}, t0);
    await db.update(items).set({ receivedAt: new Date(cutoff - 2 * 3600_000) }).where(inArray(items.id, [lapsed.item.id, live.item.id]));
    for (const fold of [false, true]) {
      if (fold) await foldRollups(db);
      const read = await readInspectionQueue(db, fresh.center.id, { now: t0, limit: 2 });
      expect(read.waiting).toHaveLength(2);
      // Past: -50 h, -61 min, -1 ms twice, and the timed-out claim.
      expect(read.overdueTotal).toBe(5);
      const truth = (await listInspectionQueue(db, fresh.center.id, { now: t0, limit: 1000 })).filter((e) => e.overdue).length;
      expect(read.overdueTotal).toBe(truth);
      expect(toQueueData(read)).toMatchObject({ overdueTotal: 5 });
    }
  });
});

import { and, asc, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { adminEvents, bins, cycleCounts } from "@/db/schema";
import { scanCountItem, startCount, submitCount } from "@/lib/storage/count-bin";
import { listOpenCounts, planCounts, requestBinCount } from "@/lib/storage/plan-counts";
import { listCountsToReview, resolveDifference } from "@/lib/storage/reconcile-count";
import { checkInvariants } from "@/lib/invariants/check-invariants";
import { findBinView } from "@/lib/storage/bin-view";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { binByCode, eventsOf, itemById, makeZone, scan, storageCenter, storedIn } from "./storage-fixtures";

describeEachDb("storage: blind cycle counts", (use) => {
  const setup = worldBeforeAll(use, storageCenter);

  it("plans by bin, zone and stale/requested bins, one open count per bin; operators cannot plan", async () => {
    const db = use();
    const zone = await makeZone(db, setup.manager, { count: 3 });
    const zoneCode = zone[0].code.split("-")[1];
    expect(await planCounts(db, setup.manager, { scope: "bin", binCode: zone[0].code })).toEqual({ planned: 1, alreadyOpen: 0 });
    expect(await planCounts(db, setup.manager, { scope: "zone", zoneCode })).toEqual({ planned: 2, alreadyOpen: 1 });
    const plans = await db.select().from(adminEvents).where(and(eq(adminEvents.centerId, setup.center.id), eq(adminEvents.action, "counts_planned"))).orderBy(asc(adminEvents.id));
    expect(plans.map((e) => [e.targetId, e.details])).toEqual([
      [zone[0].code, { scope: "bin", planned: 1 }],
      [zoneCode, { scope: "zone", planned: 2 }],
    ]);
    await expect(planCounts(db, setup.operator, { scope: "zone", zoneCode })).rejects.toMatchObject({ code: "forbidden:role" });
    await expect(planCounts(db, setup.manager, { scope: "zone", zoneCode: "QQ" })).rejects.toMatchObject({ code: "not_found:zone" });
    const open = await listOpenCounts(db, setup.center.id);
    expect(open.filter((c) => zone.some((b) => b.code === c.binCode))).toHaveLength(3);

    // A bin counted yesterday is not stale for 7 days, unless someone asked for a count.
    const other = await makeZone(db, setup.manager, { count: 2 });
    await db.update(bins).set({ lastCountedAt: new Date(Date.now() - 86_400_000) }).where(eq(bins.zoneId, other[0].zoneId));
    expect(await requestBinCount(db, setup.center.id, other[1].code)).toBe(true);
    await planCounts(db, setup.manager, { scope: "stale", days: 7 });
    const planned = await db.select().from(cycleCounts).where(eq(cycleCounts.centerId, setup.center.id));
    const ofOther = planned.filter((c) => other.some((b) => b.id === c.binId));
    expect(ofOther).toMatchObject([{ binId: other[1].id, reason: "requested" }]);
  });

  it("a blind count finds one missing and one unexpected item; the manager resolves them with audited transitions and the bins stay true", async () => {
    const db = use();
    const [counted, elsewhere, third] = await makeZone(db, setup.manager, { capacity: 4, count: 3 });
    const present = await storedIn(db, setup.operator, counted.code);
    const gone = await storedIn(db, setup.operator, counted.code);
    const foundLater = await storedIn(db, setup.operator, counted.code);
    const stray = await storedIn(db, setup.operator, elsewhere.code);
    await planCounts(db, setup.manager, { scope: "bin", binCode: counted.code });

    const started = await startCount(db, setup.operator, { scanId: scan(), binCode: counted.code });
    // Blind: the operator's answer holds no contents.
    expect(Object.keys(started.result).sort()).toEqual(["binCode", "countId", "scanned", "status"]);
    // …and the bin view withholds the recorded contents from operators while the count is open.
    const blindView = await findBinView(db, setup.operator, counted.code);
    expect(blindView).toMatchObject({ blind: true, items: [], occupied: null, free: null, openCount: { status: "counting" } });
    const managerView = await findBinView(db, setup.manager, counted.code);
    expect(managerView).toMatchObject({ blind: false, occupied: 3 });
    expect(managerView.items.map((i) => i.code).sort()).toEqual([present.code, gone.code, foundLater.code].sort());
    await expect(startCount(db, setup.operator2, { scanId: scan(), binCode: counted.code })).rejects.toMatchObject({ code: "conflict:count_in_progress" });
    const countId = started.result.countId;
    for (const code of [present.code!, stray.code!, "IT0000000000Z", present.code!.toLowerCase()]) {
      await scanCountItem(db, setup.operator, { scanId: scan(), countId, itemCode: code });
    }
    await expect(scanCountItem(db, setup.operator2, { scanId: scan(), countId, itemCode: present.code! })).rejects.toMatchObject({ code: "conflict:count_not_open" });
    const submitted = await submitCount(db, setup.operator, { scanId: scan(), countId });
    expect(submitted.result).toMatchObject({ status: "submitted", scanned: 3 });
    expect((await binByCode(db, counted.code)).lastCountedAt).not.toBeNull();
    // Counted: the operator sees the bin again.
    expect(await findBinView(db, setup.operator, counted.code)).toMatchObject({ blind: false, occupied: 3 });

    const [review] = await listCountsToReview(db, setup.center.id, { countId });
    const byCode = new Map(review.differences.map((d) => [d.code, d]));
    expect(review.differences).toHaveLength(4);
    expect(byCode.get(gone.code!)).toMatchObject({ kind: "missing", recordedBin: counted.code });
    expect(byCode.get(foundLater.code!)).toMatchObject({ kind: "missing" });
    expect(byCode.get(stray.code!)).toMatchObject({ kind: "unexpected", recordedBin: elsewhere.code });
    expect(byCode.get("IT0000000000Z")).toMatchObject({ kind: "unexpected", itemId: null });

    await expect(resolveDifference(db, setup.operator, { differenceId: byCode.get(gone.code!)!.id, resolution: "marked_missing" })).rejects.toMatchObject({ code: "forbidden:role" });
    await expect(resolveDifference(db, setup.manager, { differenceId: byCode.get(stray.code!)!.id, resolution: "marked_missing" })).rejects.toMatchObject({ code: "validation:resolution" });

    // Missing → marked missing (event for the marketplace), the slot given back.
    await resolveDifference(db, setup.manager, { differenceId: byCode.get(gone.code!)!.id, resolution: "marked_missing" });
    expect(await itemById(db, gone.id)).toMatchObject({ state: "missing", binId: null });
    const goneEvents = await eventsOf(db, gone.id);
    expect(goneEvents.audit.at(-1)).toMatchObject({ action: "mark_missing", toState: "missing", actorUserId: setup.manager.userId, details: { countId, binCode: counted.code } });
    expect(goneEvents.outbox.at(-1)).toMatchObject({ type: "item.mark_missing" });
    await expect(resolveDifference(db, setup.manager, { differenceId: byCode.get(gone.code!)!.id, resolution: "no_change" })).rejects.toMatchObject({ code: "conflict:difference_resolved" });

    // Missing, but found in another bin → moved there.
    await resolveDifference(db, setup.manager, { differenceId: byCode.get(foundLater.code!)!.id, resolution: "moved_found_elsewhere", binCode: third.code });
    expect(await itemById(db, foundLater.id)).toMatchObject({ state: "stored", binId: third.id });
    // Unexpected → moved here.
    await resolveDifference(db, setup.manager, { differenceId: byCode.get(stray.code!)!.id, resolution: "moved_here" });
    expect(await itemById(db, stray.id)).toMatchObject({ state: "stored", binId: counted.id });
    expect((await eventsOf(db, stray.id)).audit.at(-1)).toMatchObject({ action: "move", details: { countId, resolution: "moved_here", fromBinCode: elsewhere.code } });
    const last = await resolveDifference(db, setup.manager, { differenceId: byCode.get("IT0000000000Z")!.id, resolution: "no_change" });
    expect(last.countStatus).toBe("resolved");

    expect((await binByCode(db, counted.code)).occupied).toBe(2);
    expect((await binByCode(db, elsewhere.code)).occupied).toBe(0);
    expect((await binByCode(db, third.code)).occupied).toBe(1);
    const [after] = await listCountsToReview(db, setup.center.id, { countId });
    expect(after.differences.every((d) => d.resolution)).toBe(true);
    // Each resolution is in the administration log, the one that moved nothing too.
    const log = await db.select().from(adminEvents).where(and(eq(adminEvents.centerId, setup.center.id), eq(adminEvents.targetId, countId))).orderBy(asc(adminEvents.id));
    expect(log.map((e) => [e.action, e.actorUserId, e.details.code, e.details.resolution])).toEqual([
      ["count_difference_resolved", setup.manager.userId, gone.code, "marked_missing"],
      ["count_difference_resolved", setup.manager.userId, foundLater.code, "moved_found_elsewhere"],
      ["count_difference_resolved", setup.manager.userId, stray.code, "moved_here"],
      ["count_difference_resolved", setup.manager.userId, "IT0000000000Z", "no_change"],
    ]);
    expect(log[1].details).toMatchObject({ bin: counted.code, kind: "missing", to: third.code });
  });

  it("a missing item that turns up in a later count is put back (found) into that bin", async () => {
    const db = use();
    const [a, b] = await makeZone(db, setup.manager, { capacity: 3, count: 2 });
    const item = await storedIn(db, setup.operator, a.code);
    const first = await startCount(db, setup.operator, { scanId: scan(), binCode: a.code });
    await submitCount(db, setup.operator, { scanId: scan(), countId: first.result.countId });
    const [r1] = await listCountsToReview(db, setup.center.id, { countId: first.result.countId });
    await resolveDifference(db, setup.manager, { differenceId: r1.differences[0].id, resolution: "marked_missing" });

    const second = await startCount(db, setup.operator2, { scanId: scan(), binCode: b.code });
    await scanCountItem(db, setup.operator2, { scanId: scan(), countId: second.result.countId, itemCode: item.code! });
    await submitCount(db, setup.operator2, { scanId: scan(), countId: second.result.countId });
    const [r2] = await listCountsToReview(db, setup.center.id, { countId: second.result.countId });
    expect(r2.differences).toMatchObject([{ kind: "unexpected", state: "missing", recordedBin: null }]);
    await resolveDifference(db, setup.manager, { differenceId: r2.differences[0].id, resolution: "moved_here" });
    expect(await itemById(db, item.id)).toMatchObject({ state: "stored", binId: b.id });
    expect((await eventsOf(db, item.id)).outbox.at(-1)).toMatchObject({ type: "item.found", payload: { from: "missing", to: "stored" } });
    expect((await binByCode(db, a.code)).occupied).toBe(0);
    expect((await binByCode(db, b.code)).occupied).toBe(1);
  });

  it("leaves the center's bin invariants holding: occupancy equals the items in each bin, no bin over capacity", async () => {
    const report = await checkInvariants(use(), { centerIds: [setup.center.id] });
    expect(report.checked).toEqual(expect.arrayContaining(["bin occupancy equals the items in the bin", "no bin over capacity"]));
    // Fixture items start mid-life (inserted, not transitioned), so only the storage rules apply here.
    expect(report.breaches.filter((b) => b.rule.includes("bin"))).toEqual([]);
  });

  it("a count with no differences closes at once", async () => {
    const db = use();
    const [bin] = await makeZone(db, setup.manager, { count: 1 });
    const item = await storedIn(db, setup.operator, bin.code);
    const started = await startCount(db, setup.operator, { scanId: scan(), binCode: bin.code });
    await scanCountItem(db, setup.operator, { scanId: scan(), countId: started.result.countId, itemCode: item.code! });
    expect((await submitCount(db, setup.operator, { scanId: scan(), countId: started.result.countId })).result.status).toBe("resolved");
  });
});

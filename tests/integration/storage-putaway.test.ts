import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { bins } from "@/db/schema";
import { findBinView, findItemLocation } from "@/lib/storage/bin-view";
import { moveItem } from "@/lib/storage/move-item";
import { lookupPutaway, putAway } from "@/lib/storage/putaway";
import { checkInvariants } from "@/lib/invariants/check-invariants";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { awaitingPutaway, binByCode, eventsOf, itemById, makeZone, scan, storageCenter, storedIn } from "./storage-fixtures";

describeEachDb("storage: putaway and moves", (use) => {
  const setup = worldBeforeAll(use, storageCenter);

  it("suggests a bin of the item's class with room near the path start, and putaway by scan stores it with audit and event", async () => {
    const db = use();
    const sBins = await makeZone(db, setup.manager, { sizeClass: "S", capacity: 2, count: 3 });
    await makeZone(db, setup.manager, { sizeClass: "M", capacity: 2, count: 2 });
    const [item] = await awaitingPutaway(db, setup.center.id);
    const lookup = await lookupPutaway(db, setup.operator, { itemCode: item.code!.toLowerCase() });
    expect(lookup.item.sizeClass).toBe("S");
    const first = sBins.find((b) => b.code === lookup.suggestion?.code)!;
    expect(first).toBeDefined();
    // The same operator looking again is sent to the same bin.
    expect((await lookupPutaway(db, setup.operator, { itemCode: item.code! })).suggestion?.code).toBe(first.code);

    const answer = await putAway(db, setup.operator, { scanId: scan(), itemCode: item.code!, binCode: lookup.suggestion!.code, suggestedBinCode: lookup.suggestion!.code });
    expect(answer.result).toMatchObject({ override: false, bin: { code: first.code, occupied: 1, capacity: 2 } });
    const stored = await itemById(db, item.id);
    expect(stored).toMatchObject({ state: "stored", binId: first.id });
    expect(stored.storedAt).not.toBeNull();
    const { audit, outbox } = await eventsOf(db, item.id);
    expect(audit.at(-1)).toMatchObject({ action: "putaway", fromState: "awaiting_putaway", toState: "stored", actorUserId: setup.operator.userId, station: "TAB-1", details: { binCode: first.code } });
    expect(outbox.at(-1)).toMatchObject({ type: "item.putaway", payload: { binCode: first.code, to: "stored" } });

    // The bin full now, the next item is sent to another bin of the class (a full bin is never suggested).
    const [next] = await awaitingPutaway(db, setup.center.id);
    await storedIn(db, setup.operator2, first.code);
    const then = (await lookupPutaway(db, setup.operator, { itemCode: next.code! })).suggestion;
    expect(then?.code).not.toBe(first.code);
    expect(sBins.map((b) => b.code)).toContain(then?.code);
  });

  it("a repeated scan answers the first result and takes no second slot", async () => {
    const db = use();
    const [bin] = await makeZone(db, setup.manager, { sizeClass: "S", capacity: 5, count: 1 });
    const [item] = await awaitingPutaway(db, setup.center.id);
    const scanId = scan();
    const first = await putAway(db, setup.operator, { scanId, itemCode: item.code!, binCode: bin.code });
    const again = await putAway(db, setup.operator, { scanId, itemCode: item.code!, binCode: bin.code });
    expect(again).toMatchObject({ repeated: true, result: first.result });
    expect((await binByCode(db, bin.code)).occupied).toBe(1);
  });

  it("an override into another bin of the class is recorded; wrong class, quarantine, inactive, full and unknown bins are refused and change nothing", async () => {
    const db = use();
    const sBins = await makeZone(db, setup.manager, { sizeClass: "S", capacity: 1, count: 2 });
    const [mBin] = await makeZone(db, setup.manager, { sizeClass: "M", capacity: 3, count: 1 });
    const [qBin] = await makeZone(db, setup.manager, { sizeClass: "Q", capacity: 3, count: 1 });
    const [item, other] = await awaitingPutaway(db, setup.center.id, 2);
    await db.update(bins).set({ active: false }).where(eq(bins.id, sBins[1].id));
    const refused = async (binCode: string, code: string) => {
      await expect(putAway(db, setup.operator, { scanId: scan(), itemCode: item.code!, binCode })).rejects.toMatchObject({ code });
      expect(await itemById(db, item.id)).toMatchObject({ state: "awaiting_putaway", binId: null, version: item.version });
    };
    await refused(mBin.code, "conflict:bin_class");
    await refused(qBin.code, "conflict:bin_quarantine");
    await refused(sBins[1].code, "conflict:bin_inactive");
    await refused("BIN-ZZ-99-99-9", "not_found:bin");
    await expect(putAway(db, setup.operator, { scanId: scan(), itemCode: item.code!, binCode: "SHELF-1" })).rejects.toMatchObject({ code: "validation" });
    // Fill the only active S bin of that zone, then the override into it is refused as full.
    await putAway(db, setup.operator, { scanId: scan(), itemCode: other.code!, binCode: sBins[0].code });
    await refused(sBins[0].code, "conflict:bin_full");
    expect((await binByCode(db, sBins[0].code)).occupied).toBe(1);
    expect((await binByCode(db, mBin.code)).occupied).toBe(0);
    // A suggested bin differing from the scanned one is an override.
    const [free] = await makeZone(db, setup.manager, { sizeClass: "S", capacity: 2, count: 1 });
    const done = await putAway(db, setup.operator, { scanId: scan(), itemCode: item.code!, binCode: free.code, suggestedBinCode: sBins[0].code });
    expect(done.result.override).toBe(true);
    const { audit } = await eventsOf(db, item.id);
    expect(audit.at(-1)?.details).toMatchObject({ override: true, suggestedBinCode: sBins[0].code, binCode: free.code });
    // Not awaiting putaway any more.
    await expect(lookupPutaway(db, setup.operator, { itemCode: item.code! })).rejects.toMatchObject({ code: "conflict:not_awaiting_putaway" });
    await expect(putAway(db, setup.operator, { scanId: scan(), itemCode: item.code!, binCode: free.code })).rejects.toMatchObject({ code: "conflict:item_state" });
  });

  it("two operators racing for the last slot: one wins, the other is told the bin is full with a new suggestion, capacity holds", async () => {
    const db = use();
    for (let round = 0; round < 5; round++) {
      const [last, spare] = await makeZone(db, setup.manager, { sizeClass: "XL", capacity: 1, count: 2 });
      const [a, b] = await createXl(db);
      const results = await Promise.allSettled([
        putAway(db, setup.operator, { scanId: scan(), itemCode: a.code!, binCode: last.code }),
        putAway(db, setup.operator2, { scanId: scan(), itemCode: b.code!, binCode: last.code }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      // The answer carries the catalogue's names for the screen to pick from.
      expect((won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof putAway>>>).value.result.item).toMatchObject({ productNameKo: "큰", productNameEn: "Big" });
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict:bin_full", details: { bin: last.code } });
      const suggestion = (lost[0] as PromiseRejectedResult).reason.details.suggestion;
      expect(suggestion).not.toBe(last.code);
      expect(suggestion).toMatch(/^BIN-/);
      expect((await binByCode(db, last.code)).occupied).toBe(1);
      const states = [await itemById(db, a.id), await itemById(db, b.id)].map((i) => i.state).sort();
      expect(states).toEqual(["awaiting_putaway", "stored"]);
      expect((await binByCode(db, spare.code)).occupied).toBe(0);
      await db.update(bins).set({ active: false }).where(eq(bins.id, spare.id));
    }
  });

  it("moves a stored item between bins with both counts, refuses a full or same bin, and keeps the location history", async () => {
    const db = use();
    const [from, to, tiny] = await makeZone(db, setup.manager, { sizeClass: "S", capacity: 2, count: 3 });
    const item = await storedIn(db, setup.operator, from.code);
    const filler = await storedIn(db, setup.operator, tiny.code);
    await storedIn(db, setup.operator, tiny.code);
    await expect(moveItem(db, setup.operator, { scanId: scan(), itemCode: item.code!, binCode: from.code })).rejects.toMatchObject({ code: "conflict:same_bin" });
    await expect(moveItem(db, setup.operator, { scanId: scan(), itemCode: item.code!, binCode: tiny.code })).rejects.toMatchObject({ code: "conflict:bin_full" });
    expect((await binByCode(db, from.code)).occupied).toBe(1);

    const moved = await moveItem(db, setup.operator2, { scanId: scan(), itemCode: item.code!, binCode: to.code });
    expect(moved.result).toMatchObject({ from: from.code, to: { code: to.code, occupied: 1 } });
    expect((await binByCode(db, from.code)).occupied).toBe(0);
    expect(await itemById(db, item.id)).toMatchObject({ state: "stored", binId: to.id });
    const { outbox } = await eventsOf(db, item.id);
    expect(outbox.at(-1)).toMatchObject({ type: "item.move", payload: { binCode: to.code, fromBinCode: from.code } });

    const location = await findItemLocation(db, setup.center.id, item.code!);
    expect(location.bin).toBe(to.code);
    expect(location.history.map((h) => [h.action, h.binCode])).toEqual([
      ["move", to.code],
      ["putaway", from.code],
    ]);
    const view = await findBinView(db, setup.operator, tiny.code.toLowerCase());
    expect(view).toMatchObject({ code: tiny.code, occupied: 2, free: 0, capacity: 2, lastCountedAt: null });
    expect(view.items.map((i) => i.code)).toContain(filler.code);
    // Only items that are stored can move.
    const [waiting] = await awaitingPutaway(db, setup.center.id);
    await expect(moveItem(db, setup.operator, { scanId: scan(), itemCode: waiting.code!, binCode: to.code })).rejects.toMatchObject({ code: "conflict:item_state" });
  });

  it("leaves the center's bin invariants holding: occupancy equals the items in each bin, no bin over capacity", async () => {
    const report = await checkInvariants(use(), { centerIds: [setup.center.id] });
    expect(report.checked).toEqual(expect.arrayContaining(["bin occupancy equals the items in the bin", "no bin over capacity"]));
    // Fixture items start mid-life (inserted, not transitioned), so only the storage rules apply here.
    expect(report.breaches.filter((b) => b.rule.includes("bin"))).toEqual([]);
  });

  async function createXl(db: ReturnType<typeof use>) {
    const list = await awaitingPutaway(db, setup.center.id, 2);
    // Watches fall back to S; make these XL by product reference data instead.
    const { products } = await import("@/db/schema");
    const sku = `XL-${list[0].id.slice(0, 8)}`;
    await db.insert(products).values({ sku, brand: "Test", nameEn: "Big", nameKo: "큰", category: "bags", colour: "black", releasePrice: 1, sizes: "ONE", sizeClass: "XL" });
    const { items } = await import("@/db/schema");
    const { inArray } = await import("drizzle-orm");
    await db.update(items).set({ sku }).where(inArray(items.id, list.map((i) => i.id)));
    return list;
  }
});

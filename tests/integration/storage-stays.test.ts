import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { rowsOf } from "@/db/result-rows";
import { centers, inboundOrders, itemEvents, items, products, storageStays } from "@/db/schema";
import { checkInvariants } from "@/lib/invariants/check-invariants";
import { reportSale, reportWithdrawal } from "@/lib/orders/item-actions";
import { moveItem } from "@/lib/storage/move-item";
import { storageFeeReport } from "@/lib/storage/storage-fees";
import { restampStays } from "@/lib/storage/stays";
import { describeEachDb } from "../helpers/databases";
import { defaultSettings } from "../helpers/fixtures";
import { storageFeeReportFromItems } from "./fee-report-from-items";
import { makeZone, scan, storedIn } from "./storage-fixtures";
import { markMissingByCount, storageFeeWorld } from "./storage-fee-world";
import type { StaffContext } from "@/lib/auth/staff-context";

const hour = 3_600_000;
const day = 24 * hour;

type End =
  | { kind: "none" }
  | { kind: "sell" | "withdraw" | "missing"; after: number }
  | { kind: "found_then_sold"; missing: number; found: number; sold: number };
type Stay = { seller: string; kind: [string, string, string]; storedHoursAgo: number; end: End };

const endArb: fc.Arbitrary<End> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({ kind: fc.constantFrom("sell" as const, "withdraw" as const, "missing" as const), after: fc.integer({ min: 0, max: 50 * 24 }) }),
  fc.record({ kind: fc.constant("found_then_sold" as const), missing: fc.integer({ min: 0, max: 20 * 24 }), found: fc.integer({ min: 0, max: 20 * 24 }), sold: fc.integer({ min: 0, max: 20 * 24 }) }),
);
const stayArb: fc.Arbitrary<Stay> = fc.record({
  seller: fc.constantFrom("P-1", "P-2", "P-3"),
  // [category, size, sku]: classes by category (S, L, M, large apparel L) and by catalog product (XL).
  kind: fc.constantFrom<[string, string, string]>(["sneakers", "270", "NO-SUCH-SKU"], ["bags", "OS", "NO-SUCH-SKU"], ["apparel", "M", "NO-SUCH-SKU"], ["apparel", "XXL", "NO-SUCH-SKU"], ["sneakers", "270", "STAYS-XL-1"]),
  storedHoursAgo: fc.integer({ min: 0, max: 70 * 24 }),
  end: endArb,
});
const scenarioArb = fc.record({
  timezone: fc.constantFrom("Asia/Seoul", "UTC", "America/Los_Angeles"),
  freeDays: fc.integer({ min: 0, max: 20 }),
  freeDaysL: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  stays: fc.array(stayArb, { minLength: 1, maxLength: 4 }),
  periodFromDaysAgo: fc.integer({ min: -2, max: 80 }),
  periodDays: fc.integer({ min: 0, max: 45 }),
  nowHoursAhead: fc.integer({ min: 0, max: 72 }),
});

describeEachDb("storage stays: the fee report's table, kept by the transitions", (use) => {
  let world: Awaited<ReturnType<typeof storageFeeWorld>>["world"];
  let operator: StaffContext;
  let manager: StaffContext;
  beforeAll(async () => {
    const db = use();
    ({ world, operator, manager } = await storageFeeWorld(db));
    await db.insert(products).values({ sku: "STAYS-XL-1", brand: "Test", nameEn: "XL box", nameKo: "XL 상자", category: "sneakers", colour: "white", releasePrice: 1, sizes: "270", sizeClass: "XL" });
  });

  const stayOf = async (itemId: string) => (await use().select().from(storageStays).where(eq(storageStays.itemId, itemId)))[0];
  const eventAt = async (itemId: string, action: string) =>
    (await use().select({ at: itemEvents.createdAt }).from(itemEvents).where(and(eq(itemEvents.itemId, itemId), eq(itemEvents.action, action))).orderBy(sql`${itemEvents.id} desc`).limit(1))[0]?.at;

  /** The item's bin counted empty and the difference resolved as missing: a real mark_missing. */
  const markMissing = (binCode: string) => markMissingByCount(use(), { operator, manager }, binCode);

  it("putaway starts a stay with the order's seller; a sale, a withdrawal and a mark-missing end it at their audit row's time; found reopens it", async () => {
    const db = use();
    const [home] = await makeZone(db, manager, { sizeClass: "S", capacity: 5, count: 1 });
    const sold = await storedIn(db, operator, home.code);
    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, sold.orderId));
    expect(await stayOf(sold.id)).toMatchObject({ centerId: world.a.id, sellerId: order.seller.id, sellerName: order.seller.name, sku: sold.sku, categoryClass: "S", endedAt: null });
    expect((await stayOf(sold.id)).storedAt).toEqual((await db.select().from(items).where(eq(items.id, sold.id)))[0].storedAt);
    await reportSale(db, world.callerA, sold.id, { buyer: { id: "B-ST", name: "Buyer", address: "Seoul" } });
    expect((await stayOf(sold.id)).endedAt).toEqual(await eventAt(sold.id, "sell"));

    const withdrawn = await storedIn(db, operator, home.code);
    await reportWithdrawal(db, world.callerA, withdrawn.id, {});
    expect((await stayOf(withdrawn.id)).endedAt).toEqual(await eventAt(withdrawn.id, "withdraw"));

    const [lonely, otherL] = await makeZone(db, manager, { sizeClass: "L", capacity: 5, count: 2 });
    const lost = await storedIn(db, operator, lonely.code, { category: "bags" });
    expect((await stayOf(lost.id)).categoryClass).toBe("L");
    await markMissing(lonely.code);
    const missingAt = await eventAt(lost.id, "mark_missing");
    expect(missingAt).toBeDefined();
    expect((await stayOf(lost.id)).endedAt).toEqual(missingAt);
    await moveItem(db, operator, { scanId: scan(), itemCode: lost.code!, binCode: otherL.code });
    expect((await stayOf(lost.id)).endedAt).toBeNull();
    expect((await checkInvariants(db)).breaches).toEqual([]);
  });

  it("the database keeps the stay on any change of state, also one written straight in SQL (as the bench's raw side writes it); a move leaves it alone", async () => {
    const db = use();
    const [bin] = await makeZone(db, manager, { sizeClass: "L", capacity: 5, count: 1 });
    const item = await storedIn(db, operator, bin.code, { category: "apparel", beforePutaway: async (it) => {
      await db.update(items).set({ size: "XXL" }).where(eq(items.id, it.id));
    } });
    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, item.orderId));
    // Rolled back at the end: the items' own history (audit rows, versions) is not written here.
    await expect(
      db.transaction(async (tx) => {
        const stay = async () => (await tx.select().from(storageStays).where(eq(storageStays.itemId, item.id)))[0];
        // Ended at the transaction's time (now()), which its audit rows would carry.
        const endedNow = async () => rowsOf(await tx.execute(sql`select ended_at = now() as same from storage_stays where item_id = ${item.id}`))[0].same;
        await tx.execute(sql`update items set state = 'missing' where id = ${item.id}`);
        expect(await endedNow()).toBe(true);
        await tx.execute(sql`update items set state = 'stored' where id = ${item.id}`);
        expect((await stay()).endedAt).toBeNull();
        await tx.execute(sql`update items set bin_id = null, state = 'stored' where id = ${item.id}`);
        expect((await stay()).endedAt).toBeNull();
        await tx.execute(sql`update items set state = 'awaiting_pick' where id = ${item.id}`);
        expect(await endedNow()).toBe(true);
        // A stay gone (or never written) is written again by the putaway, from the item and its order.
        await tx.delete(storageStays).where(eq(storageStays.itemId, item.id));
        await tx.execute(sql`update items set state = 'awaiting_putaway' where id = ${item.id}`);
        expect(await stay()).toBeUndefined();
        await tx.execute(sql`update items set state = 'stored', stored_at = '2026-01-02T03:04:05Z' where id = ${item.id}`);
        expect(await stay()).toMatchObject({ centerId: world.a.id, sellerId: order.seller.id, sellerName: order.seller.name, sku: item.sku, categoryClass: "L", storedAt: new Date("2026-01-02T03:04:05Z"), endedAt: null });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await checkInvariants(db, { centerIds: [world.a.id] })).breaches).toEqual([]);
  });

  it("the invariant checker finds a stay that disagrees with its item's history", async () => {
    const db = use();
    const [bin] = await makeZone(db, manager, { sizeClass: "S", capacity: 5, count: 1 });
    const item = await storedIn(db, operator, bin.code);
    const rule = "each storage stay equals the one recomputed from its item, order and events";
    for (const wrong of [{ endedAt: new Date() }, { sellerId: "SOMEONE-ELSE" }, { storedAt: new Date(Date.now() - day) }]) {
      await db.update(storageStays).set(wrong).where(eq(storageStays.itemId, item.id));
      const report = await checkInvariants(db, { centerIds: [world.a.id] });
      expect(report.breaches.map((b) => [b.rule, b.count])).toEqual([[rule, 1]]);
      await restampStays(db, sql`i.id = ${item.id}`);
    }
    // A stay missing altogether is found too.
    await db.delete(storageStays).where(eq(storageStays.itemId, item.id));
    expect((await checkInvariants(db, { centerIds: [world.a.id] })).breaches.map((b) => b.rule)).toEqual([rule]);
    await restampStays(db, sql`i.id = ${item.id}`);
    expect((await checkInvariants(db)).breaches).toEqual([]);
  });

  it("the report from the stays equals the report from the items, their orders and events, over random histories", async () => {
    const db = use();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run += 1;
        await db
          .update(centers)
          .set({
            timezone: scenario.timezone,
            settings: { ...defaultSettings, storageFreeDays: scenario.freeDays, storageFreeDaysBySizeClass: scenario.freeDaysL === undefined ? {} : { L: scenario.freeDaysL }, storageDailyFees: { S: 300, M: 500, L: 900, XL: 1500 } },
          })
          .where(eq(centers.id, world.a.id));
        const now = Date.now();
        for (const stay of scenario.stays) await makeStay(stay, now, run);
        // Both reports at a `now` a little later (an item still stored accrues up to that day).
        const at = new Date(now + scenario.nowHoursAhead * hour);
        const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
        const period = { from: iso(now - scenario.periodFromDaysAgo * day), to: iso(now - scenario.periodFromDaysAgo * day + scenario.periodDays * day) };
        const fromStays = await storageFeeReport(db, world.a.id, period, at);
        const fromItems = await storageFeeReportFromItems(db, world.a.id, period, at);
        expect(fromStays).toEqual(fromItems);
      }),
      { numRuns: 12, seed: Number(process.env.FC_SEED ?? 20261126) },
    );
    expect((await checkInvariants(db)).breaches).toEqual([]);
  }, 600_000);

  /**
   * One stay through the real transitions (putaway, sale, withdrawal, count → missing, move → found),
   * then dated back: the item's `stored_at`, its events and its stay row each moved to the same
   * instants, as if they had happened then (the invariant checker holds the three together).
   */
  async function makeStay(stay: Stay, now: number, run: number) {
    const db = use();
    const [category, size, sku] = stay.kind;
    const [home, elsewhere] = await makeZone(db, manager, { sizeClass: category === "bags" || size === "XXL" ? "L" : sku === "NO-SUCH-SKU" ? (category === "apparel" ? "M" : "S") : "XL", capacity: 5, count: 2 });
    const item = await storedInAs(home.code, { category, size, sku, seller: `${stay.seller}-${run % 2}` });
    const storedAt = now - stay.storedHoursAgo * hour;
    const at = (hoursAfterStored: number) => new Date(Math.min(now, storedAt + hoursAfterStored * hour));
    const dateEvent = (action: string, when: Date) => db.update(itemEvents).set({ createdAt: when }).where(and(eq(itemEvents.itemId, item.id), eq(itemEvents.action, action)));
    await db.update(items).set({ storedAt: new Date(storedAt) }).where(eq(items.id, item.id));
    let endedAt: Date | null = null;
    const end = stay.end;
    if (end.kind === "sell" || end.kind === "found_then_sold") {
      if (end.kind === "found_then_sold") {
        await markMissing(home.code);
        await moveItem(db, operator, { scanId: scan(), itemCode: item.code!, binCode: elsewhere.code });
        await dateEvent("mark_missing", at(end.missing));
        await dateEvent("found", at(end.missing + end.found));
      }
      await reportSale(db, world.callerA, item.id, { buyer: { id: "B-P", name: "Buyer", address: "Seoul" } });
      endedAt = at(end.kind === "found_then_sold" ? end.missing + end.found + end.sold : end.after);
      await dateEvent("sell", endedAt);
    } else if (end.kind === "withdraw") {
      await reportWithdrawal(db, world.callerA, item.id, {});
      endedAt = at(end.after);
      await dateEvent("withdraw", endedAt);
    } else if (end.kind === "missing") {
      await markMissing(home.code);
      endedAt = at(end.after);
      await dateEvent("mark_missing", endedAt);
    }
    await db.update(storageStays).set({ storedAt: new Date(storedAt), endedAt }).where(eq(storageStays.itemId, item.id));
  }

  /** A storage item of this category, size, SKU and seller, put away through the domain. */
  async function storedInAs(binCode: string, opts: { category: string; size: string; sku: string; seller: string }) {
    const db = use();
    const item = await storedIn(db, operator, binCode, { category: opts.category, beforePutaway: async (it) => {
      await db.update(items).set({ size: opts.size, sku: opts.sku }).where(eq(items.id, it.id));
      await db.update(inboundOrders).set({ seller: { id: opts.seller, name: `Seller ${opts.seller}` } }).where(eq(inboundOrders.id, it.orderId));
    } });
    return item;
  }
});

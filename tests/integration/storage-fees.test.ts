import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { centers, inboundOrders, itemEvents, items } from "@/db/schema";
import type { SizeClass } from "@/db/schema/catalog";
import { chargeableDaysWithin, dayNumberOf, feeTerms, localDayNumber } from "@/lib/storage/fees";
import { sizeClassOf, sizeClassSql } from "@/lib/storage/size-class";
import { reportSale, reportWithdrawal } from "@/lib/orders/item-actions";
import { loadItemView, loadItemViews } from "@/lib/api/item-view";
import { feeReportCsv, storageFeeReport, storageFeesOf } from "@/lib/storage/storage-fees";
import { restampStays } from "@/lib/storage/stays";
import { storageUtilisation } from "@/lib/storage/utilisation";
import { describeEachDb } from "../helpers/databases";
import { eventsOf, itemById, makeZone, scan, storedIn } from "./storage-fixtures";
import { moveItem } from "@/lib/storage/move-item";
import { markMissingByCount, setEventTime, storageFeeWorld, storedFor } from "./storage-fee-world";
import type { StaffContext } from "@/lib/auth/staff-context";

const day = 86_400_000;

/** Rows of a raw query, from either driver (postgres.js: an array; PGlite: `{ rows }`). */
const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];

describeEachDb("storage: fees and utilisation", (use) => {
  let world: Awaited<ReturnType<typeof storageFeeWorld>>["world"];
  let operator: StaffContext;
  let manager: StaffContext;
  beforeAll(async () => {
    // Seoul time, 10 free days (L: 5), 500 a day for S.
    ({ world, operator, manager } = await storageFeeWorld(use(), {
      timezone: "Asia/Seoul",
      settings: { storageFreeDays: 10, storageFreeDaysBySizeClass: { L: 5 }, storageDailyFees: { S: 500, L: 2000 } },
    }));
  });

  /** Stored at 23:30 Seoul time (just before a local midnight) `daysAgo` local days before today. */
  async function storedDaysAgo(binCode: string, daysAgo: number, seller = "S-FEE", category?: string) {
    const seoulMidnightToday = Math.floor((Date.now() + 9 * 3_600_000) / day) * day - 9 * 3_600_000;
    const storedAt = new Date(seoulMidnightToday - (daysAgo - 1) * day - 30 * 60_000);
    return storedFor(use(), operator, binCode, { seller, storedAt, category });
  }

  it("accrues a daily fee past the free period in the center's days, per size class", async () => {
    const [bin] = await makeZone(use(), manager, { sizeClass: "S", capacity: 10, count: 1 });
    // Put away at 23:30 local, 13 local days before today: today is its 14th day (the putaway day counts).
    const item = await storedDaysAgo(bin.code, 13);
    const fee = (await storageFeesOf(use(), [item.id])).get(item.id);
    expect(fee).toMatchObject({ days: 14, freeDays: 10, chargeableDays: 4, dailyFee: 500, amount: 2000, currency: "KRW", sizeClass: "S", endedAt: null });
    // The marketplace's item view carries the same figures.
    expect((await loadItemView(use(), item.id)).storage).toEqual({ days: 14, chargeableDays: 4, amount: 2000, currency: "KRW" });
    // …and so does the order view (GET /api/v1/inbound-orders/{id} lists its items with it).
    const orderItems = await loadItemViews(use(), { orderId: item.orderId });
    expect(orderItems.find((i) => i.id === item.id)?.storage).toEqual({ days: 14, chargeableDays: 4, amount: 2000, currency: "KRW" });
    const fresh = await storedIn(use(), operator, bin.code);
    expect((await storageFeesOf(use(), [fresh.id])).get(fresh.id)).toMatchObject({ days: 1, amount: 0 });
  });

  it("carries the fee in the sale and withdrawal events; the fee stops when the item leaves storage; a retried sale is still accepted", async () => {
    const [bin] = await makeZone(use(), manager, { sizeClass: "S", capacity: 10, count: 1 });
    const sold = await storedDaysAgo(bin.code, 13);
    const buyer = { id: "B-1", name: "Buyer", address: "Seoul" };
    await reportSale(use(), world.callerA, sold.id, { buyer, saleId: "SALE-FEE" });
    const { outbox } = await eventsOf(use(), sold.id);
    expect(outbox.at(-1)).toMatchObject({ type: "item.sell", payload: { saleId: "SALE-FEE", storageFee: { days: 14, chargeableDays: 4, amount: 2000, currency: "KRW" } } });
    // The marketplace retries the same call: answered, not a conflict.
    await expect(reportSale(use(), world.callerA, sold.id, { buyer, saleId: "SALE-FEE" })).resolves.toMatchObject({ item: { state: "awaiting_pick" } });
    const later = (await storageFeesOf(use(), [sold.id], new Date(Date.now() + 20 * day))).get(sold.id);
    expect(later).toMatchObject({ days: 14, amount: 2000 });
    expect(later?.endedAt).not.toBeNull();

    const withdrawn = await storedDaysAgo(bin.code, 2);
    await reportWithdrawal(use(), world.callerA, withdrawn.id, { withdrawalId: "W-1" });
    expect((await eventsOf(use(), withdrawn.id)).outbox.at(-1)).toMatchObject({ type: "item.withdraw", payload: { storageFee: { days: 3, amount: 0 } } });
  });

  it("reports fees per seller for a period of local days, with CSV", async () => {
    const [bin] = await makeZone(use(), manager, { sizeClass: "S", capacity: 10, count: 1 });
    await storedDaysAgo(bin.code, 13, "S-REP-1");
    await storedDaysAgo(bin.code, 11, "S-REP-1");
    await storedDaysAgo(bin.code, 1, "S-REP-2");
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const weekAgo = new Date(Date.now() + 9 * 3_600_000 - 6 * day).toISOString().slice(0, 10);
    const report = await storageFeeReport(use(), world.a.id, { from: weekAgo, to: today });
    const one = report.rows.find((r) => r.sellerId === "S-REP-1");
    // 14th day → days 11..14 charged (4), 12th day → days 11..12 charged (2): all inside the last 7 days.
    expect(one).toMatchObject({ items: 2, chargeableDays: 6, amount: 3000 });
    expect(report.rows.find((r) => r.sellerId === "S-REP-2")).toMatchObject({ items: 1, chargeableDays: 0, amount: 0 });
    const csv = feeReportCsv(report);
    expect(csv.split("\r\n")[0]).toBe("seller_id,seller_name,items,chargeable_days,fee_krw,from,to");
    expect(csv).toContain(`S-REP-1,Seller S-REP-1,2,6,3000,${weekAgo},${today}`);
    // A period before any charge: nothing owed.
    const early = await storageFeeReport(use(), world.a.id, { from: "2020-01-01", to: "2020-01-31" });
    expect(early.total).toBe(0);
    await expect(storageFeeReport(use(), world.a.id, { from: today, to: weekAgo })).rejects.toMatchObject({ code: "validation" });
  });

  it("the report, summed in the database, agrees with the per-stay rule: classes, free periods, stays ended, periods cut", async () => {
    const db = use();
    const [s] = await makeZone(db, manager, { sizeClass: "S", capacity: 10, count: 1 });
    const [l] = await makeZone(db, manager, { sizeClass: "L", capacity: 10, count: 1 });
    const stays = [
      await storedDaysAgo(s.code, 13, "S-MIX"),
      await storedDaysAgo(l.code, 8, "S-MIX", "bags"),
      await storedDaysAgo(s.code, 20, "S-MIX"),
      await storedDaysAgo(l.code, 30, "S-MIX-2", "bags"),
      await storedDaysAgo(s.code, 40, "S-MIX-2"),
    ];
    // The third stay was sold 3 days ago, the fifth withdrawn 25 days ago (before the period).
    await reportSale(db, world.callerA, stays[2].id, { buyer: { id: "B-2", name: "Buyer", address: "Seoul" }, saleId: "SALE-MIX" });
    await reportWithdrawal(db, world.callerA, stays[4].id, { withdrawalId: "W-MIX" });
    await db.update(itemEvents).set({ createdAt: new Date(Date.now() - 3 * day) }).where(and(eq(itemEvents.itemId, stays[2].id), eq(itemEvents.action, "sell")));
    await db.update(itemEvents).set({ createdAt: new Date(Date.now() - 25 * day) }).where(and(eq(itemEvents.itemId, stays[4].id), eq(itemEvents.action, "withdraw")));
    await restampStays(db);
    const seoulDate = (daysAgo: number) => new Date(Date.now() + 9 * 3_600_000 - daysAgo * day).toISOString().slice(0, 10);
    const period = { from: seoulDate(15), to: seoulDate(2) };
    const report = await storageFeeReport(db, world.a.id, period);

    // The oracle: each stay through the TypeScript rule (chargeableDaysWithin, feeTerms, local days).
    const [center] = await db.select().from(centers).where(eq(centers.id, world.a.id));
    const expected = new Map<string, { items: number; chargeableDays: number; amount: number }>();
    for (const stay of stays) {
      const [row] = await db.select().from(items).where(eq(items.id, stay.id));
      const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, row.orderId));
      const [left] = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, stay.id), inArray(itemEvents.action, ["sell", "withdraw"])));
      const terms = feeTerms(center.settings, sizeClassOf(row));
      const firstDay = localDayNumber(row.storedAt!, center.timezone);
      const lastDay = localDayNumber(left?.createdAt ?? new Date(), center.timezone);
      if (lastDay < dayNumberOf(period.from) || firstDay > dayNumberOf(period.to)) continue;
      const days = chargeableDaysWithin({ firstDay, lastDay }, terms.freeDays, { from: dayNumberOf(period.from), to: dayNumberOf(period.to) });
      const sum = expected.get(order.seller.id) ?? { items: 0, chargeableDays: 0, amount: 0 };
      expected.set(order.seller.id, { items: sum.items + 1, chargeableDays: sum.chargeableDays + days, amount: sum.amount + days * terms.dailyFee });
    }
    expect(expected.get("S-MIX")?.items).toBe(3);
    expect(expected.get("S-MIX-2")?.items).toBe(1);
    for (const seller of ["S-MIX", "S-MIX-2"]) {
      expect(report.rows.find((r) => r.sellerId === seller)).toEqual({ sellerId: seller, sellerName: `Seller ${seller}`, ...expected.get(seller) });
    }
    // Something is charged, at both classes' fees (the L stays at 2000 a day).
    expect(expected.get("S-MIX-2")!.amount).toBeGreaterThan(0);
    expect(expected.get("S-MIX-2")!.amount % 2000).toBe(0);
  });

  it("a missing item found again is not charged for the days it was missing: item fee, sale event and report (put away, count, mark missing, found, sell)", async () => {
    const db = use();
    const seoulMidnightToday = Math.floor((Date.now() + 9 * 3_600_000) / day) * day - 9 * 3_600_000;
    /** 03:00 Seoul time, `daysAgo` local days before today. */
    const seoulMorning = (daysAgo: number) => new Date(seoulMidnightToday - daysAgo * day + 3 * 3_600_000);
    const seoulDate = (daysAgo: number) => new Date(Date.now() + 9 * 3_600_000 - daysAgo * day).toISOString().slice(0, 10);

    /** Stored 20 local days ago, marked missing by a count `missingAgo` days ago, found `foundAgo` days ago (null: not yet). */
    async function lostAndFound(seller: string, missingAgo: number, foundAgo: number | null) {
      const [home, elsewhere] = await makeZone(db, manager, { sizeClass: "S", capacity: 5, count: 2 });
      const item = await storedDaysAgo(home.code, 20, seller);
      await markMissingByCount(db, { operator, manager }, home.code);
      await setEventTime(db, item.id, "mark_missing", seoulMorning(missingAgo));
      if (foundAgo !== null) {
        await moveItem(db, operator, { scanId: scan(), itemCode: item.code!, binCode: elsewhere.code });
        await setEventTime(db, item.id, "found", seoulMorning(foundAgo));
      }
      return item;
    }

    // Today is each one's 21st day; free days 10 → charged from its 11th day (10 days ago).
    // Missing 12 days ago, found 5 days ago: 11..6 days ago were missing, of which 10..6 (5) past the free period.
    const found = await lostAndFound("S-LOST", 12, 5);
    expect((await itemById(db, found.id)).state).toBe("stored");
    expect((await storageFeesOf(db, [found.id])).get(found.id)).toMatchObject({ days: 21 - 6, chargeableDays: 11 - 5, amount: 6 * 500, endedAt: null });
    // Found, then sold 2 days ago: the stay ends at the sale (not at the earlier mark_missing), the missing days still off.
    const sold = await lostAndFound("S-LOST", 12, 5);
    await reportSale(db, world.callerA, sold.id, { buyer: { id: "B-LOST", name: "Buyer", address: "Seoul" }, saleId: "SALE-LOST" });
    expect((await eventsOf(db, sold.id)).outbox.at(-1)).toMatchObject({ type: "item.sell", payload: { storageFee: { days: 15, chargeableDays: 6, amount: 3000 } } });
    await setEventTime(db, sold.id, "sell", seoulMorning(2));
    expect((await storageFeesOf(db, [sold.id])).get(sold.id)).toMatchObject({ days: 19 - 6, chargeableDays: 9 - 5, amount: 4 * 500 });
    // Still missing since 12 days ago: charged up to that day only (10 days ago was its first charged day: none).
    const lost = await lostAndFound("S-LOST", 12, null);
    expect((await storageFeesOf(db, [lost.id])).get(lost.id)).toMatchObject({ days: 9, chargeableDays: 0, amount: 0 });

    // The report over the last 9 local days (8 ago..today): found 9 − 3 missing (8..6 ago), sold 7 − 3, lost 0.
    const week = await storageFeeReport(db, world.a.id, { from: seoulDate(8), to: seoulDate(0) });
    expect(week.rows.find((r) => r.sellerId === "S-LOST")).toMatchObject({ items: 2, chargeableDays: 6 + 4, amount: 10 * 500 });
    // A period inside the spell (9..7 days ago) charges nothing for the found ones.
    const spell = await storageFeeReport(db, world.a.id, { from: seoulDate(9), to: seoulDate(7) });
    expect(spell.rows.find((r) => r.sellerId === "S-LOST")).toMatchObject({ chargeableDays: 0, amount: 0 });
    // Over the whole stays, the report agrees with the items' own fees.
    const whole = await storageFeeReport(db, world.a.id, { from: seoulDate(30), to: seoulDate(0) });
    const fees = await storageFeesOf(db, [found.id, sold.id, lost.id]);
    const sum = [...fees.values()].reduce((s, f) => s + f.chargeableDays, 0);
    expect(whole.rows.find((r) => r.sellerId === "S-LOST")).toMatchObject({ items: 3, chargeableDays: sum, amount: sum * 500 });
    expect(sum).toBe(6 + 4 + 0);
  });

  it("the database's size class rule is the same as sizeClassOf", async () => {
    const cases: [string | null, string, string][] = [
      [null, "sneakers", "270"], [null, "Watches", "40mm"], [null, "apparel", "M"], [null, "apparel", " xxl "], [null, "APPAREL", "3XL"],
      [null, "tech", "-"], [null, "bags", "OS"], [null, "furniture", "L"], ["XL", "sneakers", "270"], ["S", "bags", "OS"],
    ];
    for (const [productClass, category, size] of cases) {
      const [row] = rowsOf(await use().execute(sql`select ${sizeClassSql(sql`${productClass}::text`, sql`${category}::text`, sql`${size}::text`)} as cls`));
      expect([productClass, category, size, row.cls]).toEqual([productClass, category, size, sizeClassOf({ category, size }, productClass as SizeClass | null)]);
    }
  });

  it("utilisation per zone and size class counts active bins only", async () => {
    const bins = await makeZone(use(), manager, { sizeClass: "M", capacity: 3, count: 2 });
    const rows = await storageUtilisation(use(), world.a.id);
    const zoneCode = bins[0].code.split("-")[1];
    expect(rows.find((r) => r.zoneCode === zoneCode)).toMatchObject({ sizeClass: "M", bins: 2, activeBins: 2, occupied: 0, capacity: 6 });
  });
});

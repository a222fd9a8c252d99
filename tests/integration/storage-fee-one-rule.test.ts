import { and, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { itemEvents, items } from "@/db/schema";
import { reportSale } from "@/lib/orders/item-actions";
import { moveItem } from "@/lib/storage/move-item";
import { storageFeeReport, storageFeesOf } from "@/lib/storage/storage-fees";
import { restampStays } from "@/lib/storage/stays";
import { describeEachDb } from "../helpers/databases";
import { makeZone, scan } from "./storage-fixtures";
import { markMissingByCount, setEventTime, storageFeeWorld, storedFor } from "./storage-fee-world";
import type { StaffContext } from "@/lib/auth/staff-context";

const minute = 60_000;
const day = 86_400_000;
const hoursOffset = 9; // Asia/Seoul, no daylight saving
const seoulMidnightToday = () => Math.floor((Date.now() + hoursOffset * 3_600_000) / day) * day - hoursOffset * 3_600_000;
/** A Seoul wall-clock time `daysAgo` local days before today, `minutes` after its midnight. */
const seoulAt = (daysAgo: number, minutes: number) => new Date(seoulMidnightToday() - daysAgo * day + minutes * minute);
const seoulDate = (at: Date) => new Date(at.getTime() + hoursOffset * 3_600_000).toISOString().slice(0, 10);

/**
 * One rule for a storage fee: an item's own fee (the API's item view, the sale and withdrawal
 * events: `storageFeesOf`) is its line in the per-seller report (`storageFeeReport`), both read
 * from the stay the transitions keep (storage_stays) and its missing spells, in the center's local days.
 */
describeEachDb("storage fee: an item's own fee is its line in the report", (use) => {
  let world: Awaited<ReturnType<typeof storageFeeWorld>>["world"];
  let operator: StaffContext;
  let manager: StaffContext;
  beforeAll(async () => {
    ({ world, operator, manager } = await storageFeeWorld(use(), { timezone: "Asia/Seoul", settings: { storageFreeDays: 2, storageDailyFees: { S: 500 } } }));
  });

  /** An item of its own seller (named as its id) put away in an S bin; `storedAt` rewrites the putaway's time. */
  const stored = (seller: string, bin: string, storedAt?: Date) => storedFor(use(), operator, bin, { seller, sellerName: seller, storedAt });

  it("across local midnights, with a missing spell, and whatever the app's and the database's clocks say", async () => {
    const db = use();
    const bins = await makeZone(db, manager, { sizeClass: "S", capacity: 5, count: 4 });
    const buyer = { id: "B-ONE", name: "Buyer", address: "Seoul" };

    // Put away at 00:10 Seoul time 6 days ago (still the day before in UTC), sold at 23:50 Seoul time yesterday.
    const sold = await stored("ONE-SOLD", bins[0].code, seoulAt(6, 10));
    await reportSale(db, world.callerA, sold.id, { buyer, saleId: "SALE-ONE-1" });
    await setEventTime(db, sold.id, "sell", seoulAt(1, 23 * 60 + 50));

    // Put away 10 days ago at 00:10; a count marks it missing at 23:50 8 days ago; found at 00:10 3 days ago; still stored.
    const lost = await stored("ONE-LOST", bins[1].code, seoulAt(10, 10));
    await markMissingByCount(db, { operator, manager }, bins[1].code);
    await setEventTime(db, lost.id, "mark_missing", seoulAt(8, 23 * 60 + 50));
    await moveItem(db, operator, { scanId: scan(), itemCode: lost.code!, binCode: bins[2].code });
    await setEventTime(db, lost.id, "found", seoulAt(3, 10));

    // Put away by an app whose clock runs 5 minutes ahead of the database's, sold 2 minutes later:
    // its putaway time (the app's) is after its sale's (the database's). The stay still ended at the sale.
    const skewed = await stored("ONE-SKEW", bins[3].code);
    await reportSale(db, world.callerA, skewed.id, { buyer, saleId: "SALE-ONE-2" });
    const [sale] = await db.select({ at: itemEvents.createdAt }).from(itemEvents).where(and(eq(itemEvents.itemId, skewed.id), eq(itemEvents.action, "sell")));
    await db.update(items).set({ storedAt: new Date(sale.at.getTime() + 3 * minute) }).where(eq(items.id, skewed.id));
    await restampStays(db, sql`i.id = ${skewed.id}`);

    // Read 15 days from now, over a period that holds every stay.
    const now = new Date(Date.now() + 15 * day);
    const fees = await storageFeesOf(db, [sold.id, lost.id, skewed.id], now);
    const report = await storageFeeReport(db, world.a.id, { from: seoulDate(seoulAt(30, 0)), to: seoulDate(now) }, now);
    const line = (seller: string) => report.rows.find((r) => r.sellerId === seller);
    for (const [seller, item] of [["ONE-SOLD", sold], ["ONE-LOST", lost], ["ONE-SKEW", skewed]] as const) {
      const fee = fees.get(item.id)!;
      expect(line(seller), seller).toEqual({ sellerId: seller, sellerName: seller, items: 1, chargeableDays: fee.chargeableDays, amount: fee.amount });
    }
    // And the figures themselves. Sold: 6 days ago .. yesterday = 6 local days, 2 free → 4 charged.
    expect(fees.get(sold.id)).toMatchObject({ days: 6, chargeableDays: 4, amount: 2000 });
    // Lost and found: 10 days ago .. 15 days ahead = 26 days, less the 4 strictly between the spell's days (7..4 ago).
    expect(fees.get(lost.id)).toMatchObject({ days: 26 - 4, chargeableDays: 26 - 2 - 4, amount: 20 * 500 });
    // Skewed: ended at its sale, the day it was put away: nothing owed, not 16 days.
    expect(fees.get(skewed.id)).toMatchObject({ chargeableDays: 0, amount: 0 });
    expect(fees.get(skewed.id)?.endedAt).not.toBeNull();
  });
});

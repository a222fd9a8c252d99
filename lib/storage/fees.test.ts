import { describe, expect, it } from "vitest";
import type { CenterSettings } from "@/db/schema/centers";
import { chargeableDaysWithin, dayNumberOf, defaultDailyFees, feeTerms, isoDateOf, localDayNumber, storageDays, storageFee } from "./fees";

const settings = { storageFreeDays: 30 } as CenterSettings;

describe("storage days in the center's calendar", () => {
  it("counts the putaway day as day 1 and each local day started since", () => {
    // 23:30 and 00:30 the next morning in Seoul (UTC+9): two local days.
    expect(storageDays(new Date("2026-03-01T14:30:00Z"), new Date("2026-03-01T15:30:00Z"), "Asia/Seoul")).toBe(2);
    // The same two instants are one day in UTC.
    expect(storageDays(new Date("2026-03-01T14:30:00Z"), new Date("2026-03-01T15:30:00Z"), "UTC")).toBe(1);
  });
  it("follows the zone's day boundary, not the server's", () => {
    const storedAt = new Date("2026-03-01T00:10:00+09:00");
    expect(storageDays(storedAt, new Date("2026-03-01T23:59:59+09:00"), "Asia/Seoul")).toBe(1);
    expect(storageDays(storedAt, new Date("2026-03-02T00:00:00+09:00"), "Asia/Seoul")).toBe(2);
  });
  it("is zero before it was stored and handles DST days as one day", () => {
    expect(storageDays(new Date("2026-03-02T00:00:00Z"), new Date("2026-03-01T00:00:00Z"), "UTC")).toBe(0);
    // New York springs forward on 2026-03-08: still one calendar day each.
    expect(storageDays(new Date("2026-03-07T12:00:00-05:00"), new Date("2026-03-09T12:00:00-04:00"), "America/New_York")).toBe(3);
  });
  it("converts local days both ways", () => {
    expect(isoDateOf(localDayNumber(new Date("2026-12-31T15:00:00Z"), "Asia/Tokyo"))).toBe("2027-01-01");
    expect(isoDateOf(dayNumberOf("2026-02-28") + 1)).toBe("2026-03-01");
  });
});

describe("storage fee", () => {
  const terms = { freeDays: 30, dailyFee: 500 };
  it("is free through the free period and charges every day after", () => {
    const storedAt = new Date("2026-01-01T10:00:00+09:00");
    expect(storageFee(storedAt, new Date("2026-01-30T23:00:00+09:00"), "Asia/Seoul", terms)).toMatchObject({ days: 30, chargeableDays: 0, amount: 0 });
    expect(storageFee(storedAt, new Date("2026-01-31T00:01:00+09:00"), "Asia/Seoul", terms)).toMatchObject({ days: 31, chargeableDays: 1, amount: 500 });
    expect(storageFee(storedAt, new Date("2026-02-10T08:00:00+09:00"), "Asia/Seoul", terms)).toMatchObject({ days: 41, chargeableDays: 11, amount: 5500 });
  });
  it("takes per-class settings over the center's, and defaults otherwise", () => {
    const s = { ...settings, storageFreeDaysBySizeClass: { L: 10 }, storageDailyFees: { L: 2000 } } as CenterSettings;
    expect(feeTerms(s, "L")).toEqual({ freeDays: 10, dailyFee: 2000 });
    expect(feeTerms(s, "S")).toEqual({ freeDays: 30, dailyFee: defaultDailyFees.S });
  });
  it("counts only chargeable days inside a report period", () => {
    const stay = { firstDay: dayNumberOf("2026-01-01"), lastDay: dayNumberOf("2026-03-15") };
    const march = { from: dayNumberOf("2026-03-01"), to: dayNumberOf("2026-03-31") };
    const january = { from: dayNumberOf("2026-01-01"), to: dayNumberOf("2026-01-31") };
    expect(chargeableDaysWithin(stay, 30, march)).toBe(15);
    // Day 31 is 2026-01-31: the only charged day in January.
    expect(chargeableDaysWithin(stay, 30, january)).toBe(1);
    expect(chargeableDaysWithin(stay, 100, march)).toBe(0);
    expect(chargeableDaysWithin({ firstDay: stay.firstDay, lastDay: dayNumberOf("2026-01-20") }, 0, march)).toBe(0);
  });
});

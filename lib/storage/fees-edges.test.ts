import { describe, expect, it } from "vitest";
import type { CenterSettings } from "@/db/schema/centers";
import { defaultDailyFees, feeTerms, storageDays } from "./fees";

describe("storage fees: edges", () => {
  it("without per-class settings: the center's free days and the default daily fee of each class", () => {
    const plain = { storageFreeDays: 30 } as CenterSettings;
    expect(defaultDailyFees).toEqual({ S: 300, M: 500, L: 900, XL: 1500, Q: 0 });
    expect(feeTerms(plain, "XL")).toEqual({ freeDays: plain.storageFreeDays, dailyFee: 1500 });
    expect(feeTerms(plain, "S")).toEqual({ freeDays: plain.storageFreeDays, dailyFee: 300 });
  });
  it("the day of putaway counts as day 1 even at the same instant; an end before the start counts nothing", () => {
    const at = new Date("2026-11-25T03:00:00Z");
    expect(storageDays(at, at, "Asia/Seoul")).toBe(1);
    expect(storageDays(at, new Date("2026-11-22T03:00:00Z"), "Asia/Seoul")).toBe(0);
  });
});

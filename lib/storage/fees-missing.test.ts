import { describe, expect, it } from "vitest";
import { chargeableDaysWithin, dayNumberOf, missingSpellsOf, storageFee } from "./fees";

const d = dayNumberOf;
const terms = { freeDays: 10, dailyFee: 500 };

describe("storage fee: the days an item was missing are not charged", () => {
  const stay = { firstDay: d("2026-01-01"), lastDay: d("2026-03-31") };
  const year = { from: d("2026-01-01"), to: d("2026-12-31") };

  it("a spell takes off the days strictly between marked missing and found; both those days are charged", () => {
    // Free 01-01..01-10; missing on 02-01, found on 02-11: 02-02..02-10 (9 days) not charged.
    const spells = [{ missingDay: d("2026-02-01"), foundDay: d("2026-02-11") }];
    expect(chargeableDaysWithin(stay, 10, year)).toBe(80);
    expect(chargeableDaysWithin(stay, 10, year, spells)).toBe(71);
    // Found the same day or the next: nothing was missing for a whole day.
    expect(chargeableDaysWithin(stay, 10, year, [{ missingDay: d("2026-02-01"), foundDay: d("2026-02-01") }])).toBe(80);
    expect(chargeableDaysWithin(stay, 10, year, [{ missingDay: d("2026-02-01"), foundDay: d("2026-02-02") }])).toBe(80);
  });

  it("several spells each come off; a spell inside the free period changes nothing (the free period runs from putaway)", () => {
    const spells = [
      { missingDay: d("2026-01-03"), foundDay: d("2026-01-08") },
      { missingDay: d("2026-02-01"), foundDay: d("2026-02-04") },
      { missingDay: d("2026-03-10"), foundDay: d("2026-03-20") },
    ];
    expect(chargeableDaysWithin(stay, 10, year, spells)).toBe(80 - 0 - 2 - 9);
    // A spell across the end of the free period: only its days past it come off.
    expect(chargeableDaysWithin(stay, 10, year, [{ missingDay: d("2026-01-05"), foundDay: d("2026-01-15") }])).toBe(80 - 4);
  });

  it("a spell still open takes off every day after it was marked missing", () => {
    const spells = [
      { missingDay: d("2026-01-20"), foundDay: d("2026-01-25") },
      { missingDay: d("2026-03-01"), foundDay: null },
    ];
    // Charged 01-11..03-01 (50 days) less 01-21..01-24 (4).
    expect(chargeableDaysWithin(stay, 10, year, spells)).toBe(46);
  });

  it("cuts spells at the report period's edges", () => {
    const spells = [{ missingDay: d("2026-01-28"), foundDay: d("2026-02-05") }]; // 01-29..02-04 missing
    const january = { from: d("2026-01-01"), to: d("2026-01-31") };
    const february = { from: d("2026-02-01"), to: d("2026-02-28") };
    // January charged 01-11..01-31 (21) less 01-29..01-31 (3); February 28 less 02-01..02-04 (4).
    expect(chargeableDaysWithin(stay, 10, january, spells)).toBe(18);
    expect(chargeableDaysWithin(stay, 10, february, spells)).toBe(24);
    // The two months add up to the whole spell's effect.
    expect(chargeableDaysWithin(stay, 10, january, spells) + chargeableDaysWithin(stay, 10, february, spells)).toBe(21 + 28 - 7);
    // A period entirely inside the spell: nothing charged.
    expect(chargeableDaysWithin(stay, 10, { from: d("2026-01-29"), to: d("2026-02-04") }, spells)).toBe(0);
    // A period ending on the day it was marked missing or starting on the day it was found: charged.
    expect(chargeableDaysWithin(stay, 10, { from: d("2026-01-28"), to: d("2026-01-28") }, spells)).toBe(1);
    expect(chargeableDaysWithin(stay, 10, { from: d("2026-02-05"), to: d("2026-02-05") }, spells)).toBe(1);
  });

  it("uses the center's local days: marked missing late one evening, found early two mornings later", () => {
    const storedAt = new Date("2026-01-01T10:00:00+09:00");
    // Marked missing 2026-01-20 23:50 Seoul (14:50 UTC), found 2026-01-22 00:10 Seoul (2026-01-21 15:10 UTC): 01-21 not charged.
    const spells = missingSpellsOf([
      { action: "mark_missing", day: d("2026-01-20") },
      { action: "found", day: d("2026-01-22") },
    ]);
    expect(spells).toEqual([{ missingDay: d("2026-01-20"), foundDay: d("2026-01-22") }]);
    const until = new Date("2026-01-31T12:00:00+09:00");
    expect(storageFee(storedAt, until, "Asia/Seoul", terms)).toMatchObject({ days: 31, chargeableDays: 21, amount: 10_500 });
    expect(storageFee(storedAt, until, "Asia/Seoul", terms, spells)).toMatchObject({ days: 30, chargeableDays: 20, amount: 10_000 });
  });

  it("reads spells from the events in order; a found without a missing before it, or a second found, opens nothing", () => {
    expect(
      missingSpellsOf([
        { action: "found", day: 1 },
        { action: "mark_missing", day: 5 },
        { action: "found", day: 9 },
        { action: "found", day: 12 },
        { action: "mark_missing", day: 20 },
      ]),
    ).toEqual([
      { missingDay: 5, foundDay: 9 },
      { missingDay: 20, foundDay: null },
    ]);
  });
});

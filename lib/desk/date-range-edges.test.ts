import { describe, expect, it } from "vitest";
import { parseDateRange } from "./date-range";

const now = new Date("2026-11-25T05:00:00Z");

describe("desk date ranges: edges", () => {
  it("a date with anything around it is no date: today instead", () => {
    expect(parseDateRange("Asia/Seoul", now, { from: "x2026-01-02", to: "2026-01-03x" })).toMatchObject({ fromDate: "2026-11-25", toDate: "2026-11-25" });
  });
  it("a leap year of 366 days is allowed; a day more shrinks the range to its first day", () => {
    expect(parseDateRange("UTC", now, { from: "2024-01-01", to: "2024-12-31" })).toMatchObject({ fromDate: "2024-01-01", toDate: "2024-12-31" });
    expect(parseDateRange("UTC", now, { from: "2024-01-01", to: "2025-01-01" })).toMatchObject({ fromDate: "2024-01-01", toDate: "2024-01-01" });
  });
});

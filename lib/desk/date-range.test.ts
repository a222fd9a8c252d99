import { describe, expect, it } from "vitest";
import { parseDateRange } from "./date-range";

describe("desk date range", () => {
  const now = new Date("2026-11-25T18:00:00Z"); // 26 Nov 03:00 in Seoul
  it("defaults to the center's today, whole local days", () => {
    const r = parseDateRange("Asia/Seoul", now, {});
    expect(r).toMatchObject({ fromDate: "2026-11-26", toDate: "2026-11-26" });
    expect(r.from.toISOString()).toBe("2026-11-25T15:00:00.000Z");
    expect(r.to.toISOString()).toBe("2026-11-26T15:00:00.000Z");
  });
  it("includes the last day, swaps nothing silently and ignores bad input", () => {
    const r = parseDateRange("Europe/Berlin", now, { from: "2026-11-01", to: "2026-11-03" });
    expect([r.from.toISOString(), r.to.toISOString()]).toEqual(["2026-10-31T23:00:00.000Z", "2026-11-03T23:00:00.000Z"]);
    expect(parseDateRange("Europe/Berlin", now, { from: "2026-11-05", to: "2026-11-01" }).toDate).toBe("2026-11-05");
    expect(parseDateRange("Europe/Berlin", now, { from: "yesterday" }).fromDate).toBe("2026-11-25");
  });
});

import { describe, expect, it } from "vitest";
import { parseDateRange } from "./date-range";
import { inspectorTimesDays, inspectorTimesWindow } from "./inspector-times-window";

const now = new Date("2026-11-26T03:00:00Z");
const range = (from: string, to: string, zone = "Asia/Seoul") => parseDateRange(zone, now, { from, to });

describe("inspectorTimesWindow", () => {
  it("keeps a range of up to a week as it is", () => {
    expect(inspectorTimesDays).toBe(7);
    for (const [from, to] of [["2026-11-26", "2026-11-26"], ["2026-11-20", "2026-11-26"], ["2026-02-27", "2026-03-05"]]) {
      const r = range(from, to);
      expect(inspectorTimesWindow("Asia/Seoul", r)).toEqual(r);
    }
  });
  it("takes a longer range's last seven local days, across a month and a year", () => {
    const year = range("2025-11-27", "2026-11-26");
    expect(inspectorTimesWindow("Asia/Seoul", year)).toEqual({ fromDate: "2026-11-20", toDate: "2026-11-26", from: new Date("2026-11-19T15:00:00Z"), to: year.to });
    const span = range("2025-12-01", "2026-01-03");
    expect(inspectorTimesWindow("Asia/Seoul", span)).toMatchObject({ fromDate: "2025-12-28", toDate: "2026-01-03", from: new Date("2025-12-27T15:00:00Z") });
    const eight = range("2026-02-24", "2026-03-03", "Asia/Tokyo");
    expect(inspectorTimesWindow("Asia/Tokyo", eight)).toMatchObject({ fromDate: "2026-02-25", from: new Date("2026-02-24T15:00:00Z") });
  });
  it("starts at a local midnight in a zone with daylight saving", () => {
    const r = range("2026-03-01", "2026-03-31", "America/New_York");
    const w = inspectorTimesWindow("America/New_York", r);
    expect(w.fromDate).toBe("2026-03-25");
    expect(w.from).toEqual(new Date("2026-03-25T04:00:00Z"));
    expect(w.to.getTime() - w.from.getTime()).toBe(7 * 24 * 3600_000);
  });
});

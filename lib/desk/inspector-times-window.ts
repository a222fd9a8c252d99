import { localDayStart, type DateRange } from "./date-range";

/** How many local days the desk's claim-to-verdict times per inspector cover at most. */
export const inspectorTimesDays = 7;

/** A "YYYY-MM-DD" date `days` calendar days later (earlier when negative). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The days of a desk range the per-inspector times are read for: its last `inspectorTimesDays` local
 * days, or all of it when shorter. Each median needs every duration of its range (no rollup can sum
 * medians), so a year's range would read a year of verdicts; this way it costs a week's, and the
 * screen says which days the figures are of.
 */
export function inspectorTimesWindow(timeZone: string, range: DateRange): DateRange {
  const fromDate = addDays(range.toDate, 1 - inspectorTimesDays);
  if (fromDate <= range.fromDate) return range;
  return { fromDate, toDate: range.toDate, from: localDayStart(timeZone, fromDate), to: range.to };
}

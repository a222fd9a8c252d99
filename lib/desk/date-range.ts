import { z } from "zod";
import { startOfLocalDay } from "@/lib/time/local-day";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The instant a local calendar day ("2026-11-25") begins in a time zone. */
export function localDayStart(timeZone: string, date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return startOfLocalDay(timeZone, new Date(Date.UTC(y, m - 1, d, 12)));
}

/** Today's date in a time zone, as "YYYY-MM-DD". */
export function localToday(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export type DateRange = { fromDate: string; toDate: string; from: Date; to: Date };

/**
 * A desk date range from `from`/`to` local dates (both days included), today when absent or
 * invalid; at most a year, and `to` not before `from`.
 */
export function parseDateRange(timeZone: string, now: Date, input: { from?: string | null; to?: string | null }): DateRange {
  const today = localToday(timeZone, now);
  const fromDate = isoDate.safeParse(input.from).success ? input.from! : today;
  let toDate = isoDate.safeParse(input.to).success ? input.to! : fromDate;
  if (toDate < fromDate) toDate = fromDate;
  const from = localDayStart(timeZone, fromDate);
  let to = localDayStart(timeZone, toDate);
  to = new Date(to.getTime() + 36 * 3600_000);
  to = localDayStart(timeZone, localToday(timeZone, to));
  if (to.getTime() - from.getTime() > 366 * 24 * 3600_000) return parseDateRange(timeZone, now, { from: fromDate, to: fromDate });
  return { fromDate, toDate, from, to };
}

import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/result-rows";
import type { Center } from "@/db/schema";
import { startOfLocalDay } from "@/lib/time/local-day";
import {
  failReasonsFromInspections,
  failReasonsQuery,
  movesByHourFromEvents,
  verdictMixFromInspections,
  verdictMixQuery,
  type FailReasonRow,
  type HourCount,
  type VerdictMixRow,
} from "./dashboard-figures";

/*
 * The dashboard's figures read from the rollups (db/schema/rollups.ts, lib/rollups): a few thousand
 * rows at most whatever the day's volume. A range that is not made of whole rollup periods (one-minute
 * slots for the moves, local days for the verdicts) reads its ragged ends from the base tables, so
 * every figure equals the base-table query (the *FromEvents / *FromInspections functions) exactly.
 */

/** The throughput rollup's slot (`rollup_slot`, migration 0019): one minute. */
const slotMs = 60_000;
const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

function rollupOf(centerId: string, figure: string, from: Date, to: Date): SQL {
  return sql`r.center_id = ${centerId}::uuid and r.figure = ${figure} and r.period >= ${iso(from)} and r.period < ${iso(to)}`;
}

/** Counts per local hour (0–23) of receipts, verdicts and items leaving the building in [from, to). */
export async function movesByHour(q: Queryable, centerId: string, timeZone: string, from: Date, to: Date): Promise<HourCount[]> {
  const start = new Date(Math.ceil(from.getTime() / slotMs) * slotMs);
  const end = new Date(Math.floor(to.getTime() / slotMs) * slotMs);
  if (start >= end) return movesByHourFromEvents(q, centerId, timeZone, from, to);
  const [slots, head, tail] = await Promise.all([
    q.execute(sql`
      select extract(hour from r.period at time zone ${timeZone})::int as hour, r.label, sum(r.n)::int as n
      from rollup_current r where ${rollupOf(centerId, "moves", start, end)}
      group by 1, 2`),
    from < start ? movesByHourFromEvents(q, centerId, timeZone, from, start) : null,
    end < to ? movesByHourFromEvents(q, centerId, timeZone, end, to) : null,
  ]);
  const hours = Array.from({ length: 24 }, (_, hour) => {
    const edge = (key: "received" | "inspected" | "dispatched") => (head?.[hour][key] ?? 0) + (tail?.[hour][key] ?? 0);
    return { hour, received: edge("received"), inspected: edge("inspected"), dispatched: edge("dispatched") };
  });
  for (const row of rowsOf(slots)) {
    const label = String(row.label);
    if (label === "received" || label === "inspected" || label === "dispatched") hours[Number(row.hour)][label] += Number(row.n);
  }
  return hours;
}

export type ThroughputRow = { hour: number; today: HourCount; lastWeek: HourCount };

/** Today's moves per hour so far against the same hours of the same weekday last week. */
export async function throughputTodayVsLastWeek(q: Queryable, centerId: string, timeZone: string, dayStart: Date, now: Date): Promise<ThroughputRow[]> {
  const week = 7 * 24 * 3600_000;
  const [today, lastWeek] = await Promise.all([
    movesByHour(q, centerId, timeZone, dayStart, now),
    movesByHour(q, centerId, timeZone, new Date(dayStart.getTime() - week), new Date(now.getTime() - week)),
  ]);
  return today.map((t, h) => ({ hour: h, today: t, lastWeek: lastWeek[h] }));
}

/** The whole local days inside [from, to): from the first day start at or after `from` to the last at or before `to`. */
function wholeDays(timeZone: string, from: Date, to: Date) {
  const fromDay = startOfLocalDay(timeZone, from);
  const first = fromDay.getTime() === from.getTime() ? from : startOfLocalDay(timeZone, new Date(fromDay.getTime() + 36 * 3600_000));
  return { first, last: startOfLocalDay(timeZone, to) };
}

type CenterZone = Pick<Center, "id" | "timezone">;

/** The rollup's rows of whole days plus the base query's rows of the ragged ends, as one union. */
function daysAndEnds(center: CenterZone, from: Date, to: Date, rollup: (first: Date, last: Date) => SQL, ends: (from: Date, to: Date) => SQL) {
  const { first, last } = wholeDays(center.timezone, from, to);
  if (first >= last) return null;
  const parts = [rollup(first, last)];
  if (from < first) parts.push(sql`(${ends(from, first)})`);
  if (last < to) parts.push(sql`(${ends(last, to)})`);
  return sql.join(parts, sql` union all `);
}

/**
 * Counts of a per-day figure by brand, category and label over [from, to), named `label`; null
 * when the range holds no whole local day (then the base query answers alone).
 */
async function byBrand(
  q: Queryable,
  center: CenterZone,
  range: { from: Date; to: Date },
  figure: "verdicts" | "fail_reasons",
  label: "verdict" | "reason",
  ends: (from: Date, to: Date) => SQL,
  orderBy: SQL,
) {
  const name = sql.identifier(label);
  const rows = daysAndEnds(
    center,
    range.from,
    range.to,
    (first, last) => sql`
      (select coalesce(p.brand, '—') as brand, r.category, r.label as ${name}, r.n
       from rollup_current r left join products p on p.sku = r.sku where ${rollupOf(center.id, figure, first, last)})`,
    ends,
  );
  if (!rows) return null;
  const result = await q.execute(sql`select brand, category, ${name}, sum(n)::int as count from (${rows}) x group by brand, category, ${name} order by ${orderBy}`);
  return rowsOf(result).map((r) => ({ brand: String(r.brand), category: String(r.category), label: String(r[label]), count: Number(r.count) }));
}

/** Verdicts that stand, by brand and category, for verdicts given in [from, to). */
export async function verdictMix(q: Queryable, center: CenterZone, from: Date, to: Date): Promise<VerdictMixRow[]> {
  const ends = (a: Date, b: Date) => verdictMixQuery(q, center.id, a, b).getSQL();
  const rows = await byBrand(q, center, { from, to }, "verdicts", "verdict", ends, sql`brand, category, verdict`);
  return rows ? rows.map((r) => ({ brand: r.brand, category: r.category, verdict: r.label, count: r.count })) : verdictMixFromInspections(q, center.id, from, to);
}

/** Reason codes of failing verdicts (every verdict but pass), by brand and category, in [from, to). */
export async function failReasons(q: Queryable, center: CenterZone, from: Date, to: Date): Promise<FailReasonRow[]> {
  const ends = (a: Date, b: Date) => failReasonsQuery(q, center.id, a, b).getSQL();
  const rows = await byBrand(q, center, { from, to }, "fail_reasons", "reason", ends, sql`count desc, brand, reason, category`);
  return rows ? rows.map((r) => ({ brand: r.brand, category: r.category, reason: r.label, count: r.count })) : failReasonsFromInspections(q, center.id, from, to);
}

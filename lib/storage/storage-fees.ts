import { and, asc, eq, inArray, lt, sql, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { centers, itemEvents, products, storageStays, type Center } from "@/db/schema";
import type { SizeClass } from "@/db/schema/catalog";
import { binClasses } from "@/db/schema/storage";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "./guards";
import { chargeableDaysWithin, dayNumberOf, feeTerms, localDayNumber, missingSpellsOf, storageFee, type MissingSpell, type StorageFee } from "./fees";

/** Actions that end a stay in storage: the fee stops on the day they happen (a missing item's, until it is found). @public */
export const leavingActions = ["sell", "withdraw", "mark_missing"] as const;

export type ItemStorageFee = StorageFee & { currency: string; sizeClass: string; storedAt: string; endedAt: string | null };

type SpellEvent = { itemId: string; action: string; createdAt: Date };

/** Each item's missing spells (in its center's local days) from its `mark_missing` and `found` events, in order. */
function spellsByItem(events: SpellEvent[], timeZoneOf: (itemId: string) => string): Map<string, MissingSpell[]> {
  const byItem = new Map<string, { action: string; day: number }[]>();
  for (const e of events) {
    const list = byItem.get(e.itemId) ?? [];
    list.push({ action: e.action, day: localDayNumber(new Date(e.createdAt), timeZoneOf(e.itemId)) });
    byItem.set(e.itemId, list);
  }
  return new Map([...byItem].map(([itemId, list]) => [itemId, missingSpellsOf(list)]));
}

/**
 * An item is marked missing and found only while it is stored, and it is stored once (putaway;
 * nothing leads back to storage after a sale or withdrawal): so every `mark_missing` and `found` of
 * an item belongs to its one stay, whatever the app's and the database's clocks say.
 */
const spellActions = sql`${itemEvents.action} in ('mark_missing', 'found')`;

/**
 * The stays of these items as the stays table keeps them (lib/storage/stays.ts: started at putaway,
 * ended at the sale, withdrawal or mark-missing by the transition's own trigger), each with its
 * class (the catalog product's, else by category, as the report reads it) and its center: the one
 * source of an item's fee and of its line in the per-seller report.
 */
async function staysOf(q: Queryable, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return q
    .select({
      itemId: storageStays.itemId,
      // Typed as the report's sums type it (a stay of an order without a seller id is null in both).
      sellerId: sql<string>`${storageStays.sellerId}`,
      storedAt: storageStays.storedAt,
      endedAt: storageStays.endedAt,
      sizeClass: sql<SizeClass>`coalesce(${products.sizeClass}, ${storageStays.categoryClass})`,
      center: centers,
    })
    .from(storageStays)
    .innerJoin(centers, eq(centers.id, storageStays.centerId))
    .leftJoin(products, eq(products.sku, storageStays.sku))
    .where(inArray(storageStays.itemId, itemIds));
}

type Stay = Awaited<ReturnType<typeof staysOf>>[number];

/** A stay's local days: the putaway day to the day it ended, or to today while it lasts. */
function stayDays(stay: Stay, now: Date) {
  const tz = stay.center.timezone;
  return { firstDay: localDayNumber(new Date(stay.storedAt), tz), lastDay: localDayNumber(stay.endedAt ? new Date(stay.endedAt) : now, tz) };
}

/** Days stored and fee so far (or until it left storage) for items that were stored; others are left out. */
export async function storageFeesOf(q: Queryable, itemIds: string[], now = new Date()): Promise<Map<string, ItemStorageFee>> {
  const out = new Map<string, ItemStorageFee>();
  const stays = await staysOf(q, itemIds);
  if (stays.length === 0) return out;
  const events = await q
    .select({ itemId: itemEvents.itemId, action: itemEvents.action, createdAt: itemEvents.createdAt })
    .from(itemEvents)
    .where(and(inArray(itemEvents.itemId, stays.map((s) => s.itemId)), spellActions))
    .orderBy(asc(itemEvents.itemId), asc(itemEvents.id));
  const timeZones = new Map(stays.map((s) => [s.itemId, s.center.timezone]));
  const spells = spellsByItem(events, (itemId) => timeZones.get(itemId) ?? "UTC");
  for (const stay of stays) out.set(stay.itemId, feeOf(stay, now, spells.get(stay.itemId) ?? []));
  return out;
}

function feeOf(stay: Stay, now: Date, spells: MissingSpell[]): ItemStorageFee {
  const storedAt = new Date(stay.storedAt);
  const endedAt = stay.endedAt ? new Date(stay.endedAt) : null;
  return {
    ...storageFee(storedAt, endedAt ?? now, stay.center.timezone, feeTerms(stay.center.settings, stay.sizeClass), spells),
    currency: stay.center.currency,
    sizeClass: stay.sizeClass,
    storedAt: storedAt.toISOString(),
    endedAt: endedAt?.toISOString() ?? null,
  };
}

/** The fee of an item leaving storage now, for the event that tells the marketplace (sale, withdrawal). */
export async function storageFeeOnLeaving(q: Queryable, itemId: string, now = new Date()) {
  const fee = (await storageFeesOf(q, [itemId], now)).get(itemId);
  if (!fee) return null;
  return { days: fee.days, chargeableDays: fee.chargeableDays, freeDays: fee.freeDays, dailyFee: fee.dailyFee, amount: fee.amount, currency: fee.currency, sizeClass: fee.sizeClass };
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");
export const feeReportSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, "from must not be after to")
  .refine((p) => dayNumberOf(p.to) - dayNumberOf(p.from) <= 366, "at most one year");

export type FeeReportRow = { sellerId: string; sellerName: string; items: number; chargeableDays: number; amount: number };
export type FeeReport = { from: string; to: string; currency: string; rows: FeeReportRow[]; total: number };

/**
 * Storage fees per seller for a period of the center's local days (inclusive): for each stay, the
 * chargeable days (past its free period) that fall in the period, at its class's daily fee. Summed
 * in the database over the stays table (one narrow row per stay, kept by the transitions: no order,
 * event or item read per stay), so a center with a million stays sends no million rows; the same
 * rule as `chargeableDaysWithin`, which the tests hold it to. The days items were missing (few)
 * are then taken off per item through that rule (`missingDaysOff`).
 */
export async function storageFeeReport(q: Queryable, centerId: string, input: unknown, now = new Date()): Promise<FeeReport> {
  const period = parseInput(feeReportSchema, input);
  const [center] = await q.select().from(centers).where(eq(centers.id, centerId));
  if (!center) throw new DomainError("not_found:center", "No such center.");
  const days = { from: dayNumberOf(period.from), to: dayNumberOf(period.to) };
  return feeReportOf(q, center, period, await sumsBySeller(q, staysAroundPeriod(q, center, days, now), days), now);
}

/** The columns a subquery of stays gives `sumsBySeller`, one row per stay. */
export type StaysSubquery = ReturnType<typeof staysAroundPeriod>;

/** Items, chargeable days and amount per seller over the stays that overlap the period (before missing days). */
export async function sumsBySeller(q: Queryable, stays: StaysSubquery, period: { from: number; to: number }): Promise<FeeReportRow[]> {
  const { from, to } = period;
  const charged = sql`greatest(0, least(${stays.lastDay}, ${to}::int) - greatest(${stays.firstDay} + ${stays.freeDays}, ${from}::int) + 1)`;
  const rows = await q
    .select({
      sellerId: stays.sellerId,
      sellerName: sql<string>`min(${stays.sellerName})`,
      items: sql<number>`count(*)::int`,
      chargeableDays: sql<number>`sum(${charged})::int`,
      amount: sql<number>`sum(${charged} * ${stays.dailyFee})::float8`,
    })
    .from(stays)
    // A stay counts for the period when it overlaps it.
    .where(and(sql`${stays.lastDay} >= ${from}::int`, sql`${stays.firstDay} <= ${to}::int`))
    .groupBy(stays.sellerId);
  return rows.map((r) => ({ sellerId: r.sellerId, sellerName: r.sellerName, items: Number(r.items), chargeableDays: Number(r.chargeableDays), amount: Number(r.amount) }));
}

/** The report from the sums per seller: the missing days taken off, sorted by amount, with its total. */
export async function feeReportOf(q: Queryable, center: Center, period: { from: string; to: string }, sums: FeeReportRow[], now: Date): Promise<FeeReport> {
  const bySeller = new Map(sums.map((r) => [r.sellerId, { ...r }]));
  for (const off of await missingDaysOff(q, center, { from: dayNumberOf(period.from), to: dayNumberOf(period.to) }, now)) {
    const row = bySeller.get(off.sellerId);
    if (!row) continue;
    row.chargeableDays -= off.days;
    row.amount -= off.days * off.dailyFee;
  }
  const list: FeeReportRow[] = [...bySeller.values()].sort((a, b) => b.amount - a.amount || a.sellerName.localeCompare(b.sellerName));
  return { from: period.from, to: period.to, currency: center.currency, rows: list, total: list.reduce((s, r) => s + r.amount, 0) };
}

/**
 * The center's stays around a period, from the stays table (lib/storage/stays.ts): seller, local
 * days and fee terms per stay, one narrow row each (no order, no event read). Started before the
 * period's end and not ended before its start (two days of slack for the zone offset; exact in the
 * overlap test).
 */
function staysAroundPeriod(q: Queryable, center: Center, period: { from: number; to: number }, now: Date) {
  const tz = center.timezone;
  const localDay = (at: SQLWrapper) => sql`((${at} at time zone ${tz})::date - date '1970-01-01')`;
  const sizeClass = sql`coalesce(${products.sizeClass}, ${storageStays.categoryClass})`;
  const perClass = (pick: (terms: ReturnType<typeof feeTerms>) => number) =>
    sql<number>`(case ${sizeClass} ${sql.join(binClasses.map((cls) => sql`when ${cls} then ${pick(feeTerms(center.settings, cls))}::int`), sql` `)} else 0 end)`;
  return q
    .select({
      sellerId: sql<string>`${storageStays.sellerId}`.as("seller_id"),
      sellerName: sql<string>`${storageStays.sellerName}`.as("seller_name"),
      firstDay: sql<number>`${localDay(storageStays.storedAt)}`.as("first_day"),
      lastDay: sql<number>`coalesce(${localDay(storageStays.endedAt)}, ${localDayNumber(now, tz)}::int)`.as("last_day"),
      freeDays: perClass((t) => t.freeDays).as("free_days"),
      dailyFee: perClass((t) => t.dailyFee).as("daily_fee"),
    })
    .from(storageStays)
    .leftJoin(products, eq(products.sku, storageStays.sku))
    .where(
      and(
        eq(storageStays.centerId, center.id),
        lt(storageStays.storedAt, new Date((period.to + 2) * 86_400_000)),
        // As storage_stays_center_end_idx reads it.
        sql`coalesce(${storageStays.endedAt}, 'infinity'::timestamptz) >= ${new Date((period.from - 2) * 86_400_000).toISOString()}::timestamptz`,
      ),
    )
    .as("stays");
}

/**
 * The days inside the period that stays of the center were missing (marked missing, not yet found),
 * per stay with its seller and daily fee. Read from the center's `mark_missing` / `found` events
 * before the period's end (`item_events_missing_spells_idx`, a partial index: missing is rare).
 */
async function missingDaysOff(q: Queryable, center: Center, period: { from: number; to: number }, now: Date) {
  const endInstant = new Date((period.to + 2) * 86_400_000);
  const events = await q
    .select({ itemId: itemEvents.itemId, action: itemEvents.action, createdAt: itemEvents.createdAt })
    .from(itemEvents)
    .where(and(eq(itemEvents.centerId, center.id), spellActions, lt(itemEvents.createdAt, endInstant)))
    .orderBy(asc(itemEvents.itemId), asc(itemEvents.id));
  if (events.length === 0) return [];
  const spells = spellsByItem(events, () => center.timezone);
  return (await staysOf(q, [...spells.keys()])).map((stay) => {
    const days = stayDays(stay, now);
    const { freeDays, dailyFee } = feeTerms(center.settings, stay.sizeClass);
    const off = chargeableDaysWithin(days, freeDays, period) - chargeableDaysWithin(days, freeDays, period, spells.get(stay.itemId) ?? []);
    return { sellerId: stay.sellerId, days: off, dailyFee };
  });
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quote, and defuse spreadsheet formulas in names.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function feeReportCsv(report: FeeReport): string {
  const lines = [["seller_id", "seller_name", "items", "chargeable_days", `fee_${report.currency.toLowerCase()}`, "from", "to"].join(",")];
  for (const r of report.rows) lines.push([r.sellerId, r.sellerName, r.items, r.chargeableDays, r.amount, report.from, report.to].map(csvCell).join(","));
  lines.push(["", "total", "", "", report.total, report.from, report.to].map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

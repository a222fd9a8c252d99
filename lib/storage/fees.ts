import type { CenterSettings } from "@/db/schema/centers";
import type { BinClass } from "@/db/schema/storage";

/** Daily storage fee per size class (center currency) when the center sets none. */
export const defaultDailyFees: Record<BinClass, number> = { S: 300, M: 500, L: 900, XL: 1500, Q: 0 };

export type FeeTerms = { freeDays: number; dailyFee: number };

/** The center's free days and daily fee for a size class (per-class settings win over the center's). */
export function feeTerms(settings: CenterSettings, sizeClass: BinClass): FeeTerms {
  return {
    freeDays: settings.storageFreeDaysBySizeClass?.[sizeClass] ?? settings.storageFreeDays,
    dailyFee: settings.storageDailyFees?.[sizeClass] ?? defaultDailyFees[sizeClass],
  };
}

/** The calendar day an instant falls on in a time zone, as a day number (days since 1970-01-01). */
export function localDayNumber(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(get("year"), get("month") - 1, get("day")) / 86_400_000);
}

/** "2026-11-25" → day number. */
export function dayNumberOf(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Days in storage, counted in the center's local calendar: the day it was put away is day 1 and
 * every local day it is still stored (up to and including the day it leaves) counts whole.
 */
export function storageDays(storedAt: Date, until: Date, timeZone: string): number {
  if (until.getTime() < storedAt.getTime()) return 0;
  return localDayNumber(until, timeZone) - localDayNumber(storedAt, timeZone) + 1;
}

export type StorageFee = { days: number; chargeableDays: number; amount: number } & FeeTerms;

/**
 * A time the item was missing: the local day a manager marked it missing and the local day it was
 * found again (null: still missing). The days strictly between the two are not in storage: the
 * warehouse had lost it. The day it was marked missing and the day it was found count as stored.
 */
export type MissingSpell = { missingDay: number; foundDay: number | null };

type DayRange = { from: number; to: number };

/** Days of `spells` not in storage (between marked missing and found, an open spell to the end of time) inside `range`. */
function missingDaysWithin(spells: readonly MissingSpell[], range: DayRange): number {
  // Overlapping spells (never in practice: an item is found before it goes missing again) count once.
  const days = new Set<number>();
  for (const spell of spells) {
    const first = Math.max(spell.missingDay + 1, range.from);
    const last = Math.min(spell.foundDay === null ? Infinity : spell.foundDay - 1, range.to);
    for (let d = first; d <= last; d++) days.add(d);
  }
  return days.size;
}

/** The fee so far: every day in storage past the free period at the daily fee; days missing are not charged. */
export function storageFee(storedAt: Date, until: Date, timeZone: string, terms: FeeTerms, spells: readonly MissingSpell[] = []): StorageFee {
  const stay = { firstDay: localDayNumber(storedAt, timeZone), lastDay: localDayNumber(until, timeZone) };
  const calendarDays = storageDays(storedAt, until, timeZone);
  const days = calendarDays === 0 ? 0 : calendarDays - missingDaysWithin(spells, { from: stay.firstDay, to: stay.lastDay });
  const chargeableDays = chargeableDaysWithin(stay, terms.freeDays, { from: stay.firstDay, to: stay.lastDay }, spells);
  return { days, chargeableDays, amount: chargeableDays * terms.dailyFee, ...terms };
}

/**
 * The chargeable days of one stay that fall inside a report period of local days [from, to]
 * (day numbers, inclusive): the stay's days past its free period, intersected with the period,
 * less the days it was missing. The free period runs on the calendar from the putaway day.
 */
export function chargeableDaysWithin(
  stay: { firstDay: number; lastDay: number },
  freeDays: number,
  period: DayRange,
  spells: readonly MissingSpell[] = [],
): number {
  const charged = { from: Math.max(stay.firstDay + freeDays, period.from), to: Math.min(stay.lastDay, period.to) };
  if (charged.to < charged.from) return 0;
  return charged.to - charged.from + 1 - missingDaysWithin(spells, charged);
}

/**
 * An item's missing spells from its events since putaway (`mark_missing` and `found`, in order,
 * each with its local day).
 */
export function missingSpellsOf(events: readonly { action: string; day: number }[]): MissingSpell[] {
  const spells: MissingSpell[] = [];
  for (const event of events) {
    if (event.action === "mark_missing") spells.push({ missingDay: event.day, foundDay: null });
    else if (event.action === "found" && spells.at(-1)?.foundDay === null) spells.at(-1)!.foundDay = event.day;
  }
  return spells;
}

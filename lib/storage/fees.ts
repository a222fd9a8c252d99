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

/** The fee so far: every day past the free period at the daily fee. */
export function storageFee(storedAt: Date, until: Date, timeZone: string, terms: FeeTerms): StorageFee {
  const days = storageDays(storedAt, until, timeZone);
  const chargeableDays = Math.max(0, days - terms.freeDays);
  return { days, chargeableDays, amount: chargeableDays * terms.dailyFee, ...terms };
}

/**
 * The chargeable days of one stay that fall inside a report period of local days [from, to]
 * (day numbers, inclusive): the stay's days past its free period, intersected with the period.
 */
export function chargeableDaysWithin(stay: { firstDay: number; lastDay: number }, freeDays: number, period: { from: number; to: number }): number {
  const firstCharged = stay.firstDay + freeDays;
  const start = Math.max(firstCharged, period.from);
  const end = Math.min(stay.lastDay, period.to);
  return Math.max(0, end - start + 1);
}

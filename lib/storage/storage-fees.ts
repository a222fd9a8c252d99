import { and, eq, gte, inArray, isNotNull, lt, or, sql, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { centers, inboundOrders, items, products, type Center, type Item } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "./guards";
import { dayNumberOf, feeTerms, localDayNumber, storageFee, type StorageFee } from "./fees";
import { binClasses } from "@/db/schema/storage";
import { sizeClassOf, sizeClassSql } from "./size-class";
import { productOfItem } from "@/lib/catalog/item-row-columns";

/** Actions that end a stay in storage: the fee stops on the day they happen. @public */
export const leavingActions = ["sell", "withdraw", "mark_missing"] as const;

export type ItemStorageFee = StorageFee & { currency: string; sizeClass: string; storedAt: string; endedAt: string | null };

/**
 * When an item's stay ended: never while it is stored (a missing item found again is back in
 * storage); otherwise its first leaving event since it was put away (one index probe, only for
 * items that are not stored).
 */
const endedAtSql = sql<Date | null>`(case when ${items.state} = 'stored' then null else (select min(e.created_at) from item_events e where e.item_id = ${items.id} and e.action in ('sell', 'withdraw', 'mark_missing') and e.created_at >= ${items.storedAt}) end)`;

/** Days stored and fee so far (or until it left storage) for items that were stored; others are left out. */
export async function storageFeesOf(q: Queryable, itemIds: string[], now = new Date()): Promise<Map<string, ItemStorageFee>> {
  const out = new Map<string, ItemStorageFee>();
  if (itemIds.length === 0) return out;
  const rows = await q
    .select({ item: items, productClass: products.sizeClass, center: centers, endedAt: endedAtSql })
    .from(items)
    .innerJoin(centers, eq(centers.id, items.centerId))
    .leftJoin(products, productOfItem)
    .where(and(inArray(items.id, itemIds), isNotNull(items.storedAt)));
  for (const row of rows) {
    const endedAt = row.endedAt ? new Date(row.endedAt) : null;
    out.set(row.item.id, feeOf(row.item, row.center, sizeClassOf(row.item, row.productClass), endedAt ?? now, endedAt));
  }
  return out;
}

function feeOf(item: Item, center: Center, sizeClass: ReturnType<typeof sizeClassOf>, until: Date, endedAt: Date | null): ItemStorageFee {
  const storedAt = item.storedAt as Date;
  return {
    ...storageFee(storedAt, until, center.timezone, feeTerms(center.settings, sizeClass)),
    currency: center.currency,
    sizeClass,
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
 * in the database (one row per seller), so a center with a million stays sends no million rows;
 * the same rule as `chargeableDaysWithin`, which the tests hold it to.
 */
export async function storageFeeReport(q: Queryable, centerId: string, input: unknown, now = new Date()): Promise<FeeReport> {
  const period = parseInput(feeReportSchema, input);
  const [center] = await q.select().from(centers).where(eq(centers.id, centerId));
  if (!center) throw new DomainError("not_found:center", "No such center.");
  const from = dayNumberOf(period.from);
  const to = dayNumberOf(period.to);
  const tz = center.timezone;
  const localDay = (at: SQLWrapper) => sql`((${at} at time zone ${tz})::date - date '1970-01-01')`;
  const sizeClass = sizeClassSql(products.sizeClass, items.category, items.size);
  const perClass = (pick: (terms: ReturnType<typeof feeTerms>) => number) =>
    sql`(case ${sizeClass} ${sql.join(binClasses.map((cls) => sql`when ${cls} then ${pick(feeTerms(center.settings, cls))}::int`), sql` `)} else 0 end)`;
  // Stays that started before the period's end and did not end before its start (two days of
  // slack for the zone offset); exact below.
  const endInstant = new Date((to + 2) * 86_400_000);
  const startInstant = new Date((from - 2) * 86_400_000);
  const stays = q
    .select({
      sellerId: sql<string>`${inboundOrders.seller}->>'id'`.as("seller_id"),
      sellerName: sql<string>`min(${inboundOrders.seller}->>'name')`.as("seller_name"),
      firstDay: sql<number>`${localDay(items.storedAt)}`.as("first_day"),
      lastDay: sql<number>`coalesce(${localDay(endedAtSql)}, ${localDayNumber(now, tz)}::int)`.as("last_day"),
      freeDays: sql<number>`${perClass((t) => t.freeDays)}`.as("free_days"),
      dailyFee: sql<number>`${perClass((t) => t.dailyFee)}`.as("daily_fee"),
      stays: sql<number>`count(*)::int`.as("stays"),
    })
    .from(items)
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(products, productOfItem)
    .where(
      and(
        eq(items.centerId, centerId),
        isNotNull(items.storedAt),
        lt(items.storedAt, endInstant),
        // An item no longer stored and unchanged since before the period left storage before it.
        or(eq(items.state, "stored"), gte(items.updatedAt, startInstant)),
      ),
    )
    // Stays alike (seller, days, terms) counted once: each stay's expressions are computed once,
    // and the sums below run over these groups.
    .groupBy(sql`1, 3, 4, 5, 6`)
    .as("stays");
  const charged = sql`greatest(0, least(${stays.lastDay}, ${to}::int) - greatest(${stays.firstDay} + ${stays.freeDays}, ${from}::int) + 1)`;
  const rows = await q
    .select({
      sellerId: stays.sellerId,
      sellerName: sql<string>`min(${stays.sellerName})`,
      items: sql<number>`sum(${stays.stays})::int`,
      chargeableDays: sql<number>`sum(${charged} * ${stays.stays})::int`,
      amount: sql<number>`sum(${charged} * ${stays.stays} * ${stays.dailyFee})::float8`,
    })
    .from(stays)
    // A stay counts for the period when it overlaps it.
    .where(and(sql`${stays.lastDay} >= ${from}::int`, sql`${stays.firstDay} <= ${to}::int`))
    .groupBy(stays.sellerId);
  const list: FeeReportRow[] = rows
    .map((r) => ({ sellerId: r.sellerId, sellerName: r.sellerName, items: Number(r.items), chargeableDays: Number(r.chargeableDays), amount: Number(r.amount) }))
    .sort((a, b) => b.amount - a.amount || a.sellerName.localeCompare(b.sellerName));
  return { from: period.from, to: period.to, currency: center.currency, rows: list, total: list.reduce((s, r) => s + r.amount, 0) };
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

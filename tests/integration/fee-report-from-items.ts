import { and, eq, gte, isNotNull, lt, or, sql, type SQLWrapper } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { centers, inboundOrders, items, products, type Center } from "@/db/schema";
import { binClasses } from "@/db/schema/storage";
import { productOfItem } from "@/lib/catalog/item-row-columns";
import { dayNumberOf, feeTerms, localDayNumber } from "@/lib/storage/fees";
import { sizeClassSql } from "@/lib/storage/size-class";
import { feeReportOf, feeReportSchema, sumsBySeller, type FeeReport } from "@/lib/storage/storage-fees";

/** When an item's stay ended, from its events: never while stored; a missing item's last mark-missing; else its sale or withdrawal. */
const endedAtSql = sql<Date | null>`(case when ${items.state} = 'stored' then null
  when ${items.state} = 'missing' then (select max(e.created_at) from item_events e where e.item_id = ${items.id} and e.action = 'mark_missing')
  else (select min(e.created_at) from item_events e where e.item_id = ${items.id} and e.action in ('sell', 'withdraw')) end)`;

/** A stay's seller, local days and fee terms, as SQL over items ⋈ inbound orders ⟕ products. */
function stayColumns(center: Center, now: Date) {
  const tz = center.timezone;
  const localDay = (at: SQLWrapper) => sql`((${at} at time zone ${tz})::date - date '1970-01-01')`;
  const sizeClass = sizeClassSql(products.sizeClass, items.category, items.size);
  const perClass = (pick: (terms: ReturnType<typeof feeTerms>) => number) =>
    sql<number>`(case ${sizeClass} ${sql.join(binClasses.map((cls) => sql`when ${cls} then ${pick(feeTerms(center.settings, cls))}::int`), sql` `)} else 0 end)`;
  return {
    sellerId: sql<string>`${inboundOrders.seller}->>'id'`,
    firstDay: sql<number>`${localDay(items.storedAt)}`,
    lastDay: sql<number>`coalesce(${localDay(endedAtSql)}, ${localDayNumber(now, tz)}::int)`,
    freeDays: perClass((t) => t.freeDays),
    dailyFee: perClass((t) => t.dailyFee),
  };
}

/** Items put away that started before the period's end and did not leave before its start (two days of slack for the zone offset). */
function staysAround(centerId: string, from: number, to: number) {
  const endInstant = new Date((to + 2) * 86_400_000);
  const startInstant = new Date((from - 2) * 86_400_000);
  return and(
    eq(items.centerId, centerId),
    isNotNull(items.storedAt),
    lt(items.storedAt, endInstant),
    // An item no longer stored and unchanged since before the period left storage before it.
    or(eq(items.state, "stored"), gte(items.updatedAt, startInstant)),
  );
}

/**
 * The storage fee report as it was before the stays table (the oracle of storage-stays.test.ts):
 * each stay read from the center's items, its seller from its order, its end from its events
 * (`stayColumns`), then the same sums and missing days. Slow at volume (a probe per stay), exact.
 */
export async function storageFeeReportFromItems(q: Queryable, centerId: string, input: unknown, now: Date): Promise<FeeReport> {
  const period = feeReportSchema.parse(input);
  const [center] = await q.select().from(centers).where(eq(centers.id, centerId));
  const days = { from: dayNumberOf(period.from), to: dayNumberOf(period.to) };
  const stay = stayColumns(center, now);
  const stays = q
    .select({
      sellerId: stay.sellerId.as("seller_id"),
      sellerName: sql<string>`${inboundOrders.seller}->>'name'`.as("seller_name"),
      firstDay: stay.firstDay.as("first_day"),
      lastDay: stay.lastDay.as("last_day"),
      freeDays: stay.freeDays.as("free_days"),
      dailyFee: stay.dailyFee.as("daily_fee"),
    })
    .from(items)
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(products, productOfItem)
    .where(staysAround(centerId, days.from, days.to))
    .as("stays");
  return feeReportOf(q, center, period, await sumsBySeller(q, stays, days), now);
}

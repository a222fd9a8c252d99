import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { centers, inboundOrders, items, products } from "@/db/schema";
import { productOfItem } from "@/lib/catalog/item-row-columns";
import { dayNumberOf } from "@/lib/storage/fees";
import { feeReportOf, feeReportSchema, stayColumns, staysAround, sumsBySeller, type FeeReport } from "@/lib/storage/storage-fees";

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

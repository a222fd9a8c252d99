import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { centers, inboundOrders, items } from "@/db/schema";
import type { OrderType } from "@/db/schema/orders";
import { itemsWithProduct } from "@/lib/catalog/item-row-columns";
import { toUnitView, unitRowColumns, type UnitView } from "@/lib/receiving/views";

/**
 * How much earlier a trade item counts as having arrived. A trade item has a buyer waiting (and a
 * delivery promise); a storage item only has to be ready before it sells.
 */
export const tradeHeadStartMinutes = 60;

export type InspectionQueueEntry = UnitView & {
  type: OrderType;
  orderExternalId: string;
  waitingMinutes: number;
  /** receivedAt + the center's inspectionDeadlineHours. */
  deadlineAt: string;
  overdue: boolean;
};

/**
 * Received units waiting for inspection, in the order they should be taken.
 *
 * Ordering: by effective arrival time = receivedAt, minus `tradeHeadStartMinutes` for trade items;
 * ties by item id. So a trade item goes before every storage item that arrived less than an hour
 * before it, and the longest-waiting item of either type is never pushed back by more than an hour.
 * Units flagged for return (unexpected units, cancelled orders) are not inspected and are left out.
 */
export async function listInspectionQueue(
  q: Queryable,
  centerId: string,
  opts: { limit?: number; now?: Date } = {},
): Promise<InspectionQueueEntry[]> {
  const now = opts.now ?? new Date();
  const [center] = await q.select({ settings: centers.settings }).from(centers).where(eq(centers.id, centerId));
  if (!center) return [];
  const deadlineMs = center.settings.inspectionDeadlineHours * 3_600_000;
  const effectiveArrival = sql`${items.receivedAt} - case when ${items.type} = 'trade' then interval '${sql.raw(String(tradeHeadStartMinutes))} minutes' else interval '0 minutes' end`;
  const rows = await itemsWithProduct(q, { ...unitRowColumns, orderExternalId: inboundOrders.externalId })
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .where(and(eq(items.centerId, centerId), eq(items.state, "received"), eq(items.returnToSeller, false)))
    .orderBy(asc(effectiveArrival), asc(items.id))
    .limit(opts.limit ?? 100);
  return rows.map((row) => {
    const receivedAt = row.item.receivedAt ?? row.item.createdAt;
    const deadline = receivedAt.getTime() + deadlineMs;
    return {
      ...toUnitView(row),
      type: row.item.type,
      orderExternalId: row.orderExternalId,
      waitingMinutes: Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / 60_000)),
      deadlineAt: new Date(deadline).toISOString(),
      overdue: now.getTime() > deadline,
    };
  });
}

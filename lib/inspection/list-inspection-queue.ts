import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { centers, inboundOrders, items, type CenterSettings } from "@/db/schema";
import type { OrderType } from "@/db/schema/orders";
import { itemsWithProduct } from "@/lib/catalog/item-row-columns";
import { toUnitView, unitRowColumns, type UnitView } from "@/lib/receiving/views";
import { timedOutClaimItemIds } from "./timed-out-claims";

/**
 * How much earlier a trade item counts as having arrived. A trade item has a buyer waiting (and a
 * delivery promise); a storage item only has to be ready before it sells.
 */
export const tradeHeadStartMinutes = 60;

const queueColumns = { ...unitRowColumns, orderExternalId: inboundOrders.externalId };

/** When a unit counts as arrived in the queue's order. */
const effectiveArrival = sql`${items.receivedAt} - case when ${items.type} = 'trade' then interval '${sql.raw(String(tradeHeadStartMinutes))} minutes' else interval '0 minutes' end`;

export type InspectionQueueEntry = UnitView & {
  type: OrderType;
  orderExternalId: string;
  waitingMinutes: number;
  /** receivedAt + the center's inspectionDeadlineHours. */
  deadlineAt: string;
  overdue: boolean;
};

/**
 * Received units waiting for inspection, in the order they should be taken, and units whose claim
 * timed out and was not yet released by the sweep (lib/inspection/sweep-expired-claims.ts): those are
 * free for anyone to claim (claimItem takes them over), so they wait in the queue like the others.
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
  const limit = opts.limit ?? 100;
  const [center] = await q.select({ settings: centers.settings }).from(centers).where(eq(centers.id, centerId));
  if (!center) return [];
  const deadlineMs = center.settings.inspectionDeadlineHours * 3_600_000;
  // Each type in receipt order from items_inspection_queue_idx (its first `limit`), merged below: the
  // same order as by effective arrival, without sorting every received unit of the center.
  const receivedOfType = (type: OrderType) =>
    itemsWithProduct(q, queueColumns)
      .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
      .where(and(eq(items.centerId, centerId), sql`${items.state} = 'received' and not ${items.returnToSeller} and ${items.type} = ${sql.raw(`'${type}'`)}`))
      .orderBy(asc(items.receivedAt), asc(items.id))
      .limit(limit);
  const [trade, storage, lapsed] = await Promise.all([
    receivedOfType("trade"),
    receivedOfType("storage"),
    lapsedClaims(q, centerId, claimCutoff(center.settings, now), limit),
  ]);
  const arrival = (row: (typeof trade)[number]) =>
    row.item.receivedAt ? row.item.receivedAt.getTime() - (row.item.type === "trade" ? tradeHeadStartMinutes * 60_000 : 0) : Number.POSITIVE_INFINITY;
  const rows = [...trade, ...storage, ...lapsed].sort((a, b) => arrival(a) - arrival(b) || a.item.id.localeCompare(b.item.id)).slice(0, limit);
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

/** Claims made before this instant have timed out (the center's claimTimeoutMinutes). */
export function claimCutoff(settings: Pick<CenterSettings, "claimTimeoutMinutes">, now: Date): Date {
  return new Date(now.getTime() - settings.claimTimeoutMinutes * 60_000);
}

/**
 * Units whose open claim is older than `claimedBefore`, the first `limit` in queue order, however
 * old or new each claim. Read in two steps so the claims lead: the items of every timed-out claim
 * (timedOutClaimItemIds: a range of inspections_center_status_idx; few, the sweep releases them within
 * minutes), then those items by their keys, in queue order. In one join the planner may walk every
 * unit in inspection in queue order looking for the few timed-out claims (4.6 s at 65k).
 */
async function lapsedClaims(q: Queryable, centerId: string, claimedBefore: Date, limit: number) {
  const itemIds = await timedOutClaimItemIds(q, centerId, claimedBefore);
  if (itemIds.length === 0) return [];
  return itemsWithProduct(q, queueColumns)
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    // One array parameter however many ids (a list of parameters is capped at 65,535).
    .where(and(sql`${items.id} = any(${`{${itemIds.join(",")}}`}::uuid[])`, eq(items.state, "in_inspection")))
    .orderBy(asc(effectiveArrival), asc(items.id))
    .limit(limit);
}

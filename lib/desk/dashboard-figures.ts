import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { bins, inspections, itemEvents, items, products, zones } from "@/db/schema";
import { readCenterSettings } from "@/lib/admin/center-settings";
import { productOfItem } from "@/lib/catalog/item-row-columns";
import { queueCounts, queueKeys, sinceOfItem, queueOfItem, type QueueKey } from "./queue-counts";

export type { QueueKey } from "./queue-counts";

export type QueueAge = {
  key: QueueKey;
  limitHours: number;
  count: number;
  breached: number;
  oldestHours: number | null;
  /** The oldest items (up to 10), for the manager to act on. */
  oldest: { id: string; code: string | null; state: string; productName: string; productNameKo: string | null; productNameEn: string | null; hours: number; breached: boolean }[];
};

/**
 * Ages of the desk's queues at `now` (see queueStates). An item older than its queue's limit is a
 * breach. One statement per queue: the ten oldest, with their ages, from `items_desk_queue_idx`, and
 * the queue's count and breaches from the rollups (queueCounts); none reads the whole queue.
 */
export async function queueAges(q: Queryable, centerId: string, now: Date): Promise<QueueAge[]> {
  const s = await readCenterSettings(q, centerId);
  const limits: Record<QueueKey, number> = {
    receivedToVerdict: s.inspectionDeadlineHours,
    passedToDispatch: s.passedToDispatchHours,
    heldForBuyer: s.heldForBuyerHours,
    awaitingPutaway: s.awaitingPutawayHours,
  };
  const nowIso = now.toISOString();
  const since = sinceOfItem(items);
  return Promise.all(
    queueKeys.map(async (key) => {
      const limitHours = limits[key];
      const counts = queueCounts(centerId, key, new Date(now.getTime() - limitHours * 3600_000));
      const rows = await q
        .select({
          id: items.id,
          code: items.code,
          state: items.state,
          productName: items.productName,
          productNameKo: products.nameKo,
          productNameEn: products.nameEn,
          hours: sql<number>`(extract(epoch from (${nowIso}::timestamptz - ${since})) / 3600)::float8`,
          count: sql<number>`${counts.count}`.mapWith(Number),
          notBreached: sql<number>`${counts.notBreached}`.mapWith(Number),
        })
        .from(items)
        .leftJoin(products, productOfItem)
        // The key as a literal: a prepared statement's generic plan must still see items_desk_queue_idx's predicate.
        .where(and(eq(items.centerId, centerId), sql`${queueOfItem(items)} = ${sql.raw(`'${key}'`)}`))
        .orderBy(since, items.id)
        .limit(10);
      const oldest = rows.map((r) => ({
        id: r.id,
        code: r.code,
        state: r.state,
        productName: r.productName,
        productNameKo: r.productNameKo,
        productNameEn: r.productNameEn,
        hours: Number(r.hours),
        breached: Number(r.hours) > limitHours,
      }));
      return {
        key,
        limitHours,
        count: rows[0]?.count ?? 0,
        breached: rows[0] ? rows[0].count - rows[0].notBreached : 0,
        oldestHours: oldest[0]?.hours ?? null,
        oldest,
      };
    }),
  );
}

export type HourCount = { hour: number; received: number; inspected: number; dispatched: number };

const verdictActions = ["pass", "fail", "hold", "quarantine"];

/**
 * Counts per local hour (0–23) of receipts, verdicts (from in_inspection) and items leaving the
 * building (dispatched to a carrier or handed over in person) in [from, to), read from the item
 * events: the truth the rollups keep (db/migrations-extra/rollups.sql, `rollup_move_label`), and
 * the dashboard's reading for the part of a range that is not whole rollup slots.
 */
export async function movesByHourFromEvents(q: Queryable, centerId: string, timeZone: string, from: Date, to: Date): Promise<HourCount[]> {
  const hour = sql<number>`extract(hour from ${itemEvents.createdAt} at time zone ${timeZone})::int`;
  const rows = await q
    .select({
      hour,
      received: sql<number>`count(*) filter (where ${itemEvents.action} = 'receive')::int`,
      inspected: sql<number>`count(*) filter (where ${itemEvents.action} in (${sql.join(
        verdictActions.map((a) => sql`${a}`),
        sql`, `,
      )}) and ${itemEvents.fromState} = 'in_inspection')::int`,
      dispatched: sql<number>`count(*) filter (where ${itemEvents.action} in ('dispatch', 'hand_over'))::int`,
    })
    .from(itemEvents)
    .where(and(eq(itemEvents.centerId, centerId), gte(itemEvents.createdAt, from), lt(itemEvents.createdAt, to)))
    // By position: the time zone is a bound parameter, so the expression would not match itself.
    .groupBy(sql`1`);
  const byHour = new Map(rows.map((r) => [Number(r.hour), r]));
  return Array.from({ length: 24 }, (_, h) => {
    const r = byHour.get(h);
    return { hour: h, received: Number(r?.received ?? 0), inspected: Number(r?.inspected ?? 0), dispatched: Number(r?.dispatched ?? 0) };
  });
}

const standing = sql<string>`coalesce(${inspections.reviewVerdict}, ${inspections.verdict})`;
const brand = sql<string>`coalesce(${products.brand}, '—')`;

function verdictsIn(centerId: string, from: Date, to: Date) {
  return and(
    eq(inspections.centerId, centerId),
    inArray(inspections.status, ["done", "awaiting_review"]),
    isNotNull(inspections.submittedAt),
    gte(inspections.submittedAt, from),
    lt(inspections.submittedAt, to),
  );
}

export type VerdictMixRow = { brand: string; category: string; verdict: string; count: number };

/** Verdicts that stand, by brand and category, for verdicts given in [from, to), read from the inspections (the truth the rollups keep). */
export async function verdictMixFromInspections(q: Queryable, centerId: string, from: Date, to: Date): Promise<VerdictMixRow[]> {
  const rows = await verdictMixQuery(q, centerId, from, to);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export function verdictMixQuery(q: Queryable, centerId: string, from: Date, to: Date) {
  return q
    .select({ brand, category: items.category, verdict: standing, count: sql<number>`count(*)::int` })
    .from(inspections)
    .innerJoin(items, eq(items.id, inspections.itemId))
    .leftJoin(products, productOfItem)
    .where(verdictsIn(centerId, from, to))
    .groupBy(brand, items.category, standing)
    .orderBy(asc(brand), asc(items.category), asc(standing));
}

export type FailReasonRow = { brand: string; category: string; reason: string; count: number };

/** Reason codes of failing verdicts (every verdict but pass), by brand and category, in [from, to), read from the inspections (the truth the rollups keep). */
export async function failReasonsFromInspections(q: Queryable, centerId: string, from: Date, to: Date): Promise<FailReasonRow[]> {
  const rows = await failReasonsQuery(q, centerId, from, to);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export function failReasonsQuery(q: Queryable, centerId: string, from: Date, to: Date) {
  const reason = sql<string>`r.code`;
  return q
    .select({ brand, category: items.category, reason, count: sql<number>`count(*)::int` })
    .from(inspections)
    .innerJoin(items, eq(items.id, inspections.itemId))
    .leftJoin(products, productOfItem)
    .innerJoin(sql`jsonb_array_elements_text(${inspections.reasonCodes}) as r(code)`, sql`true`)
    .where(and(verdictsIn(centerId, from, to), sql`${standing} <> 'pass'`))
    .groupBy(brand, items.category, reason)
    .orderBy(sql`count(*) desc`, asc(brand), asc(reason));
}

export type BinUseRow = { zone: string; sizeClass: string; bins: number; capacity: number; occupied: number };

/** Active bins' capacity and occupancy per zone and size class. */
export async function binUtilisation(q: Queryable, centerId: string): Promise<BinUseRow[]> {
  const rows = await q
    .select({
      zone: zones.code,
      sizeClass: bins.sizeClass,
      bins: sql<number>`count(*)::int`,
      capacity: sql<number>`coalesce(sum(${bins.capacity}), 0)::int`,
      occupied: sql<number>`coalesce(sum(${bins.occupied}), 0)::int`,
    })
    .from(bins)
    .innerJoin(zones, eq(zones.id, bins.zoneId))
    .where(and(eq(bins.centerId, centerId), eq(bins.active, true)))
    .groupBy(zones.code, bins.sizeClass)
    .orderBy(asc(zones.code), asc(bins.sizeClass));
  return rows.map((r) => ({ ...r, bins: Number(r.bins), capacity: Number(r.capacity), occupied: Number(r.occupied) }));
}

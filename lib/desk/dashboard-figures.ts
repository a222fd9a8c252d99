import { and, asc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { bins, inspections, itemEvents, items, products, zones, type ItemState } from "@/db/schema";
import { readCenterSettings } from "@/lib/admin/center-settings";
import { productOfItem } from "@/lib/catalog/item-row-columns";

/** The four queues the desk watches, each with its SLA limit from the center's settings. */
export const queueKeys = ["receivedToVerdict", "passedToDispatch", "heldForBuyer", "awaitingPutaway"] as const;
export type QueueKey = (typeof queueKeys)[number];

/**
 * The states of each queue, as `desk_queue(state, destination)` (db/migrations-extra/desk-queue-rollups.sql)
 * decides: received → verdict (received or in inspection), passed → dispatched (a passed trade or sold
 * item not yet handed to a carrier, whose destination is the buyer), held for a buyer's decision,
 * awaiting putaway. The rollups count queued items per state, so a queue's count sums its states.
 */
export const queueStates: Record<QueueKey, ItemState[]> = {
  receivedToVerdict: ["received", "in_inspection"],
  passedToDispatch: ["passed", "awaiting_pick", "awaiting_pack", "packed"],
  heldForBuyer: ["held"],
  awaitingPutaway: ["awaiting_putaway"],
};

export type QueueAge = {
  key: QueueKey;
  limitHours: number;
  count: number;
  breached: number;
  oldestHours: number | null;
  /** The oldest items (up to 10), for the manager to act on. */
  oldest: { id: string; code: string | null; state: string; productName: string; productNameKo: string | null; productNameEn: string | null; hours: number; breached: boolean }[];
};

/** The desk queue an item waits in (null: none); the key of `items_desk_queue_idx`. */
const queueOfItem = (t: Record<"state" | "destination", AnyPgColumn>) => sql<string | null>`desk_queue(${t.state}, ${t.destination})`;
/** When the item entered its queue: its receipt for received → verdict, else `queue_entered_at` (stamped by applyTransition), else its receipt. */
const sinceOfItem = (t: Record<"state" | "queueEnteredAt" | "receivedAt" | "createdAt", AnyPgColumn>) => sql<Date>`desk_queue_since(${t.state}, ${t.queueEnteredAt}, ${t.receivedAt}, ${t.createdAt})`;

const hourMs = 3600_000;

/**
 * How many items of a queue there are and how many entered it before `cutoff`, in one statement
 * bounded whatever the queue's length: the rollups' `queue_entries` (per state and hour of entry)
 * give the count and the items of every whole hour before the cutoff's; the items that entered in
 * the cutoff's own hour, before it, are counted from `items_desk_queue_idx` (a range of one hour).
 */
function queueCounts(centerId: string, key: QueueKey, cutoff: Date) {
  const hour = new Date(Math.floor(cutoff.getTime() / hourMs) * hourMs).toISOString();
  const b = alias(items, "queued");
  const labels = sql.join(queueStates[key].map((state) => sql`${state}`), sql`, `);
  const rolled = (extra: SQL) =>
    sql`(select coalesce(sum(n), 0)::bigint from rollup_current where center_id = ${centerId}::uuid and figure = 'queue_entries' and label in (${labels})${extra})`;
  return {
    count: rolled(sql``),
    breached: sql`${rolled(sql` and period < ${hour}::timestamptz`)} + (select count(*) from ${items} as queued where ${b.centerId} = ${centerId}::uuid and ${queueOfItem(b)} = ${sql.raw(`'${key}'`)}
      and ${sinceOfItem(b)} >= ${hour}::timestamptz and ${sinceOfItem(b)} < ${cutoff.toISOString()}::timestamptz)`,
  };
}

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
      const counts = queueCounts(centerId, key, new Date(now.getTime() - limitHours * hourMs));
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
          breached: sql<number>`${counts.breached}`.mapWith(Number),
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
        breached: rows[0]?.breached ?? 0,
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

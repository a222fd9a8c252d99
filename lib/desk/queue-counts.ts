import { sql, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { items, type ItemState } from "@/db/schema";

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

/** The desk queue an item waits in (null: none); the key of `items_desk_queue_idx`. */
export const queueOfItem = (t: Record<"state" | "destination", AnyPgColumn>) => sql<string | null>`desk_queue(${t.state}, ${t.destination})`;
/** When the item entered its queue: its receipt for received → verdict, else `queue_entered_at` (stamped by applyTransition), else its receipt. */
export const sinceOfItem = (t: Record<"state" | "queueEnteredAt" | "receivedAt" | "createdAt", AnyPgColumn>) => sql<Date>`desk_queue_since(${t.state}, ${t.queueEnteredAt}, ${t.receivedAt}, ${t.createdAt})`;

const hourMs = 3600_000;

/**
 * How many items of a queue there are and how many entered it at or after `cutoff` (so the breaches
 * are count − notBreached): two scalar subqueries for a statement of the caller's, bounded whatever
 * the queue's length. The rollups' `queue_entries` (per state and hour of entry) give the count (every
 * hour the queue spans) and the items of the hours from the cutoff's on (a few rows); the items that
 * entered in the cutoff's own hour before it are taken off, counted from `items_desk_queue_idx` (a
 * range of one hour). `states` narrows the queue to some of its states (the inspection queue counts
 * the received).
 */
export function queueCounts(centerId: string, key: QueueKey, cutoff: Date, states: ItemState[] = queueStates[key]) {
  const hour = new Date(Math.floor(cutoff.getTime() / hourMs) * hourMs).toISOString();
  const b = alias(items, "queued");
  const labels = sql.join(states.map((state) => sql`${state}`), sql`, `);
  const rolled = (extra: SQL) =>
    sql`(select coalesce(sum(n), 0)::bigint from rollup_current where center_id = ${centerId}::uuid and figure = 'queue_entries' and label in (${labels})${extra})`;
  return {
    count: rolled(sql``),
    notBreached: sql`${rolled(sql` and period >= ${hour}::timestamptz`)} - (select count(*) from ${items} as queued where ${b.centerId} = ${centerId}::uuid and ${queueOfItem(b)} = ${sql.raw(`'${key}'`)} and ${b.state} in (${labels})
      and ${sinceOfItem(b)} >= ${hour}::timestamptz and ${sinceOfItem(b)} < ${cutoff.toISOString()}::timestamptz)`,
  };
}

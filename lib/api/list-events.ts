import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { centers, outboxEvents } from "@/db/schema";
import type { OutboxEventBody } from "@/lib/events/catalogue";
import { encodeEventCursor, type EventPosition } from "./event-cursor";
import type { FeedEvent } from "./schemas";

/**
 * Only events of transactions older than every transaction still running. A transaction that took
 * its event ids early but commits late would otherwise appear behind a cursor already handed out;
 * this way the feed is in commit-safe order and a cursor never skips an event.
 */
const settled = sql`${outboxEvents.txid} < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;

export type EventPage = { events: FeedEvent[]; positions: EventPosition[]; hasMore: boolean };

/** The next events of the given centers after `after` (or from the start), in feed order. */
export async function listEvents(
  db: Queryable,
  options: { centerIds: string[]; after?: EventPosition | null; limit: number },
): Promise<EventPage> {
  if (options.centerIds.length === 0) return { events: [], positions: [], hasMore: false };
  const after = options.after;
  const rows = await db
    .select({
      id: outboxEvents.id,
      txid: outboxEvents.txid,
      type: outboxEvents.type,
      centerCode: centers.code,
      itemId: outboxEvents.itemId,
      createdAt: outboxEvents.createdAt,
      payload: outboxEvents.payload,
    })
    .from(outboxEvents)
    .innerJoin(centers, eq(centers.id, outboxEvents.centerId))
    .where(
      and(
        inArray(outboxEvents.centerId, options.centerIds),
        settled,
        after ? sql`(${outboxEvents.txid}, ${outboxEvents.id}) > (${after.txid}::bigint, ${after.id}::bigint)` : undefined,
      ),
    )
    .orderBy(asc(outboxEvents.txid), asc(outboxEvents.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      cursor: encodeEventCursor(r),
      centerCode: r.centerCode,
      itemId: r.itemId,
      occurredAt: r.createdAt.toISOString(),
      // Written only through appendOutboxEvent, so every row matches the catalogue.
      ...({ type: r.type, payload: r.payload } as OutboxEventBody),
    })),
    positions: page.map((r) => ({ txid: r.txid, id: r.id })),
    hasMore: rows.length > options.limit,
  };
}

/** The last settled event of the given centers (all centers when none given), if any. */
export async function readVisibleHead(db: Queryable, centerIds?: string[]): Promise<EventPosition | null> {
  const [row] = await db
    .select({ txid: outboxEvents.txid, id: outboxEvents.id })
    .from(outboxEvents)
    .where(and(settled, centerIds ? inArray(outboxEvents.centerId, centerIds) : undefined))
    .orderBy(desc(outboxEvents.txid), desc(outboxEvents.id))
    .limit(1);
  return row ?? null;
}

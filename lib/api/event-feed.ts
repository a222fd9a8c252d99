import type { Queryable } from "@/db/client";
import type { ApiCaller } from "./api-clients";
import { decodeEventCursor } from "./event-cursor";
import { listEvents } from "./list-events";
import type { EventsQuery, EventsResponse } from "./schemas";

/** GET /api/v1/events: the caller's centers' events after its cursor, oldest first. */
export async function readEventFeed(db: Queryable, caller: ApiCaller, query: EventsQuery): Promise<EventsResponse> {
  const after = query.after ? decodeEventCursor(query.after) : null;
  const page = await listEvents(db, { centerIds: caller.centerIds, after, limit: query.limit });
  const last = page.events.at(-1);
  return { events: page.events, nextCursor: last?.cursor ?? query.after ?? null, hasMore: page.hasMore };
}

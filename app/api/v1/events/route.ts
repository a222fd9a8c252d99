import { getDb } from "@/db/client";
import { readEventFeed } from "@/lib/api/event-feed";
import { apiRoute } from "@/lib/http/api-route";
import { eventsQuerySchema } from "@/lib/api/schemas";

/** The outbox of the caller's centers, in order, after a cursor. */
export const GET = apiRoute({ db: getDb, query: eventsQuerySchema }, async ({ db, caller, query }) => ({
  body: await readEventFeed(db, caller, query),
}));

import { getDb } from "@/db/client";
import { announceOrder } from "@/lib/orders/announce-order";
import { apiRoute } from "@/lib/http/api-route";
import { announceOrderSchema } from "@/lib/api/schemas";

/** Announce an order (idempotent on externalId). */
export const POST = apiRoute({ db: getDb, body: announceOrderSchema }, async ({ db, caller, body }) => {
  const { status, body: answer } = await announceOrder(db, caller, body);
  return { status, body: answer, headers: status === 200 ? { "idempotent-replayed": "true" } : undefined };
});

import { getDb } from "@/db/client";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { apiRoute } from "@/lib/http/api-route";
import { cancelOrderSchema, externalIdParamSchema } from "@/lib/api/schemas";

/** Cancel the units not yet received. */
export const POST = apiRoute({ db: getDb, params: externalIdParamSchema, body: cancelOrderSchema }, async ({ db, caller, params, body }) => ({
  body: await cancelOrder(db, caller, params.externalId, body),
}));

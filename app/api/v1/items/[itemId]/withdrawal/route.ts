import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { reportWithdrawal } from "@/lib/orders/item-actions";
import { itemIdParamSchema, withdrawalSchema } from "@/lib/api/schemas";

/** The seller wants a stored item back. */
export const POST = apiRoute({ db: getDb, params: itemIdParamSchema, body: withdrawalSchema }, async ({ db, caller, params, body }) => ({
  body: await reportWithdrawal(db, caller, params.itemId, body),
}));

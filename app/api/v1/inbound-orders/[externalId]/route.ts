import { getDb } from "@/db/client";
import { getOrderForCaller } from "@/lib/api/get-order";
import { apiRoute } from "@/lib/http/api-route";
import { externalIdParamSchema } from "@/lib/api/schemas";

/** The order and each item's state. */
export const GET = apiRoute({ db: getDb, params: externalIdParamSchema }, async ({ db, caller, params }) => ({
  body: await getOrderForCaller(db, caller, params.externalId),
}));

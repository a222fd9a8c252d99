import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { reportBuyerDecision } from "@/lib/orders/report-buyer-decision";
import { buyerDecisionSchema, itemIdParamSchema } from "@/lib/api/schemas";

/** The buyer accepts or refuses an item held with a disclosed minor defect. */
export const POST = apiRoute({ db: getDb, params: itemIdParamSchema, body: buyerDecisionSchema }, async ({ db, caller, params, body }) => ({
  body: await reportBuyerDecision(db, caller, params.itemId, body),
}));

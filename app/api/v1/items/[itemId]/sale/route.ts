import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { reportSale } from "@/lib/orders/item-actions";
import { itemIdParamSchema, saleSchema } from "@/lib/api/schemas";

/** A stored item has sold: it goes to picking for its buyer. */
export const POST = apiRoute({ db: getDb, params: itemIdParamSchema, body: saleSchema }, async ({ db, caller, params, body }) => ({
  body: await reportSale(db, caller, params.itemId, body),
}));

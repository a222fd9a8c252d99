import { getDb } from "@/db/client";
import { giveSellerAddress } from "@/lib/orders/give-seller-address";
import { apiRoute } from "@/lib/http/api-route";
import { externalIdParamSchema, sellerAddressSchema } from "@/lib/api/schemas";

/** Give or correct the seller's return address; returns waiting for it can be packed. */
export const PUT = apiRoute({ db: getDb, params: externalIdParamSchema, body: sellerAddressSchema }, async ({ db, caller, params, body }) => ({
  body: await giveSellerAddress(db, caller, params.externalId, body),
}));

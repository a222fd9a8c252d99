import { staffRoute } from "@/lib/http/staff-route";
import { searchOrders, searchOrdersSchema } from "@/lib/receiving/search-orders";

/** Orders by order number, tracking number, seller id or seller name, for a parcel without a usable label. */
export const POST = staffRoute({ roles: ["operator"], body: searchOrdersSchema }, async ({ db, ctx, body }) => ({
  orders: await searchOrders(db, ctx, body),
}));

import { packItem, packItemSchema } from "@/lib/dispatch/packing";
import { staffRoute } from "@/lib/http/staff-route";

/** Packs an item into a parcel (tracking number scanned or issued by the carrier's adapter). */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: packItemSchema }, async ({ db, ctx, body }) => (await packItem(db, ctx, body)).result);

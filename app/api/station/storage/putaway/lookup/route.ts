import { staffRoute } from "@/lib/http/staff-route";
import { lookupPutaway, putawayLookupSchema } from "@/lib/storage/putaway";

/** A scanned item waiting for putaway, with the suggested bin (reads only). */
export const POST = staffRoute({ roles: ["operator"], body: putawayLookupSchema }, ({ db, ctx, body }) => lookupPutaway(db, ctx, body));

import { staffRoute } from "@/lib/http/staff-route";
import { countScanSchema, scanCountItem } from "@/lib/storage/count-bin";

/** One item scanned into the count. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: countScanSchema }, async ({ db, ctx, body }) => (await scanCountItem(db, ctx, body)).result);

import { placeInQuarantineBin, quarantineBinSchema } from "@/lib/dispatch/quarantine";
import { staffRoute } from "@/lib/http/staff-route";

/** A quarantined item scanned into a quarantine bin. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: quarantineBinSchema }, async ({ db, ctx, body }) => (await placeInQuarantineBin(db, ctx, body)).result);

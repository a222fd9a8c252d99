import { pickScan, pickScanSchema } from "@/lib/dispatch/picking";
import { staffRoute } from "@/lib/http/staff-route";

/** A scan at the picking station: tote, bin, or item. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: pickScanSchema }, async ({ db, ctx, body }) => (await pickScan(db, ctx, body)).result);

import { staffRoute } from "@/lib/http/staff-route";
import { returnFlaggedUnit, returnFlaggedUnitSchema } from "@/lib/receiving/receive-unexpected-unit";

/** A manager sends an unexpected unit back to its seller (to packing). */
export const POST = staffRoute({ roles: ["manager"], scan: "receiving.return_unit", body: returnFlaggedUnitSchema }, async ({ db, ctx, body }) => returnFlaggedUnit(db, ctx, body));

import { claimPickList, claimPickListSchema } from "@/lib/dispatch/picking";
import { staffRoute } from "@/lib/http/staff-route";

/** Takes a pick list (one picker wins). */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: claimPickListSchema }, async ({ db, ctx, body }) => (await claimPickList(db, ctx, body)).result);

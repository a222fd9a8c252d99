import { reportShortPick, shortPickSchema } from "@/lib/dispatch/picking";
import { staffRoute } from "@/lib/http/staff-route";

/** The item is not in its bin: a manager exception, the bin flagged for a count. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: shortPickSchema }, async ({ db, ctx, body }) => (await reportShortPick(db, ctx, body)).result);

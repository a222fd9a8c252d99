import { staffRoute } from "@/lib/http/staff-route";
import { listAwaitingPutaway } from "@/lib/storage/putaway";

/** Items waiting for putaway in the caller's center. */
export const GET = staffRoute({ roles: ["operator"] }, async ({ db, ctx }) => ({ items: await listAwaitingPutaway(db, ctx.centerId) }));

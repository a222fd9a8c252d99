import { z } from "zod";
import { requireDispatcher } from "@/lib/dispatch/guards";
import { loadPickList } from "@/lib/dispatch/picking";
import { staffRoute } from "@/lib/http/staff-route";

/** One pick list with its lines along the bin path. */
export const GET = staffRoute({ roles: ["operator"], params: z.object({ pickListId: z.uuid() }) }, async ({ db, ctx, params }) => {
  requireDispatcher(ctx);
  return loadPickList(db, ctx.centerId, params.pickListId);
});

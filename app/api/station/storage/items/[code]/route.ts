import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { findItemLocation } from "@/lib/storage/bin-view";

/** Where an item is, and every bin it has been in. */
export const GET = staffRoute({ roles: ["operator"], params: z.object({ code: z.string().trim().min(1).max(40) }) }, ({ db, ctx, params }) =>
  findItemLocation(db, ctx.centerId, params.code),
);

import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { findBinView } from "@/lib/storage/bin-view";

/** One bin: contents, free capacity, last count (contents withheld from operators while it is counted blind). */
export const GET = staffRoute({ roles: ["operator"], params: z.object({ code: z.string().trim().min(1).max(60) }) }, ({ db, ctx, params }) =>
  findBinView(db, ctx, params.code),
);

import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { previewBins } from "@/lib/storage/bins-admin";

/** What a bulk creation would make (validated by the domain's layout schema). */
export const POST = staffRoute({ roles: ["manager"], body: z.record(z.string(), z.unknown()) }, ({ db, ctx, body }) => previewBins(db, ctx, body));

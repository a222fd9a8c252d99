import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { createBins } from "@/lib/storage/bins-admin";

/** Creates the bins of a layout (existing codes are skipped). */
export const POST = staffRoute({ roles: ["manager"], scan: "storage.bins_create", body: z.record(z.string(), z.unknown()) }, ({ db, ctx, body }) => createBins(db, ctx, body));

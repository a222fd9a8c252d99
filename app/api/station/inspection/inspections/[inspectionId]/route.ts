import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { getInspectionView } from "@/lib/inspection/inspection-view";

/** Everything the inspection screen shows, for one inspection of the caller's center. */
export const GET = staffRoute({ roles: ["inspector"], params: z.object({ inspectionId: z.string() }) }, async ({ db, ctx, params }) =>
  getInspectionView(db, ctx, params.inspectionId),
);

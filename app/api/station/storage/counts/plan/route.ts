import { staffRoute } from "@/lib/http/staff-route";
import { planCounts, planCountsSchema } from "@/lib/storage/plan-counts";

/** Plans blind counts for a bin, a zone, or bins not counted for N days (and bins flagged for a count). */
export const POST = staffRoute({ roles: ["manager"], scan: "storage.count_plan", body: planCountsSchema }, ({ db, ctx, body }) => planCounts(db, ctx, body));

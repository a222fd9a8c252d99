import { staffRoute } from "@/lib/http/staff-route";
import { resolveDifference, resolveDifferenceSchema } from "@/lib/storage/reconcile-count";

/** The manager resolves one count difference. */
export const POST = staffRoute({ roles: ["manager"], scan: "storage.count_resolve", body: resolveDifferenceSchema }, ({ db, ctx, body }) => resolveDifference(db, ctx, body));

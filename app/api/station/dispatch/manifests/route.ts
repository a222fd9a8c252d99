import { listManifests } from "@/lib/dispatch/manifests";
import { staffRoute } from "@/lib/http/staff-route";

/** Open manifests and the ones closed in the last day. */
export const GET = staffRoute({ roles: ["operator"] }, async ({ db, ctx }) => ({ manifests: await listManifests(db, ctx) }));

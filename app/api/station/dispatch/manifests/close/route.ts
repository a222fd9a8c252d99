import { closeManifest, closeManifestSchema } from "@/lib/dispatch/manifests";
import { staffRoute } from "@/lib/http/staff-route";

/** The carrier took the parcels: their items are dispatched. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: closeManifestSchema }, async ({ db, ctx, body }) => (await closeManifest(db, ctx, body)).result);

import { openManifest, openManifestSchema } from "@/lib/dispatch/manifests";
import { staffRoute } from "@/lib/http/staff-route";

export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: openManifestSchema }, async ({ db, ctx, body }) => (await openManifest(db, ctx, body)).result);

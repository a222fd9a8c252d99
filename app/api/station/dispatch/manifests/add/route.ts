import { addParcelSchema, addParcelToManifest } from "@/lib/dispatch/manifests";
import { staffRoute } from "@/lib/http/staff-route";

/** A parcel scanned onto a manifest. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: addParcelSchema }, async ({ db, ctx, body }) => (await addParcelToManifest(db, ctx, body)).result);

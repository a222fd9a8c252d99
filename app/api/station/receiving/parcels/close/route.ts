import { staffRoute } from "@/lib/http/staff-route";
import { closeParcel, closeParcelSchema } from "@/lib/receiving/close-parcel";

/** Everything in the box is confirmed: records units that did not come. */
export const POST = staffRoute({ roles: ["operator"], scan: "receiving.close", body: closeParcelSchema }, async ({ db, ctx, body }) => closeParcel(db, ctx, body));

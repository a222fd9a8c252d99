import { staffRoute } from "@/lib/http/staff-route";
import { resolveUnmatchedParcel, resolveUnmatchedParcelSchema } from "@/lib/receiving/unmatched-parcels";

/** A manager links an unmatched parcel to its order or returns it to the sender. */
export const POST = staffRoute({ roles: ["manager"], scan: "receiving.resolve", body: resolveUnmatchedParcelSchema }, async ({ db, ctx, body }) =>
  resolveUnmatchedParcel(db, ctx, body),
);

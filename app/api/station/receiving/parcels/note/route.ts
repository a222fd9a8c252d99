import { staffRoute } from "@/lib/http/staff-route";
import { recordUnmatchedParcel, recordUnmatchedParcelSchema } from "@/lib/receiving/unmatched-parcels";

/** The operator describes an unmatched parcel for the manager's queue. */
export const POST = staffRoute({ roles: ["operator"], scan: "receiving.note", body: recordUnmatchedParcelSchema }, async ({ db, ctx, body }) =>
  recordUnmatchedParcel(db, ctx, body),
);

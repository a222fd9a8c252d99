import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { staffRoute } from "@/lib/http/staff-route";
import { findParcelDetail } from "@/lib/receiving/views";

/** A parcel and its orders' units, to refresh the receiving screen. */
export const GET = staffRoute({ roles: ["operator"], params: z.object({ parcelId: z.uuid() }) }, async ({ db, ctx, params }) => {
  const detail = await findParcelDetail(db, ctx.centerId, params.parcelId);
  if (!detail) throw new DomainError("not_found:parcel", "No such parcel in this center.");
  return detail;
});

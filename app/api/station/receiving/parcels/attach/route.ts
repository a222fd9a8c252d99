import { staffRoute } from "@/lib/http/staff-route";
import { attachParcelToOrder, attachParcelSchema } from "@/lib/receiving/attach-parcel";
import type { AttachResult } from "@/lib/receiving/wire-types";

/** Links a parcel (or a parcel with no label) to an order found by search. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: attachParcelSchema }, async ({ db, ctx, body }): Promise<AttachResult> => {
  const { result, repeated } = await attachParcelToOrder(db, ctx, body);
  return { ...result, repeated };
});

import { staffRoute } from "@/lib/http/staff-route";
import { receiveUnit, receiveUnitSchema } from "@/lib/receiving/receive-unit";
import type { ReceiveUnitResult } from "@/lib/receiving/wire-types";

/** The operator confirms one announced unit is in the parcel: it gets its item code. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: receiveUnitSchema }, async ({ db, ctx, body }): Promise<ReceiveUnitResult> => {
  const { result, repeated } = await receiveUnit(db, ctx, body);
  return { ...result, repeated };
});

import { staffRoute } from "@/lib/http/staff-route";
import { receiveUnexpectedUnit, receiveUnexpectedUnitSchema } from "@/lib/receiving/receive-unexpected-unit";
import type { UnexpectedUnitResult } from "@/lib/receiving/wire-types";

/** An extra or different unit found in the box: recorded, labelled, flagged for a manager. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: receiveUnexpectedUnitSchema },
  async ({ db, ctx, body }): Promise<UnexpectedUnitResult> => {
    const { result, repeated } = await receiveUnexpectedUnit(db, ctx, body);
    return { ...result, repeated };
  },
);

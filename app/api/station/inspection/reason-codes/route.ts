import { staffRoute } from "@/lib/http/staff-route";
import { saveReasonCode, saveReasonCodeSchema } from "@/lib/inspection/reason-codes";

/** A manager creates or edits a reason code. */
export const POST = staffRoute({ roles: ["manager"], scan: "inspection.reason_code_save", body: saveReasonCodeSchema }, async ({ db, ctx, body }) => ({
  reasonCode: await saveReasonCode(db, ctx, body),
}));

import { z } from "zod";
import { staffRoute } from "@/lib/http/staff-route";
import { setReasonCodeActive } from "@/lib/inspection/reason-codes";

const bodySchema = z.object({ code: z.string().trim().min(1).max(40), active: z.boolean() });

/** A manager hides a reason code from new verdicts, or shows it again. */
export const POST = staffRoute({ roles: ["manager"], scan: "inspection.reason_code_active", body: bodySchema }, async ({ db, ctx, body }) => ({
  reasonCode: await setReasonCodeActive(db, ctx, body),
}));

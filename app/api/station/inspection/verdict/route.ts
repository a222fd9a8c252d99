import { staffRoute } from "@/lib/http/staff-route";
import { submitVerdict, submitVerdictSchema } from "@/lib/inspection/submit-verdict";

/** The inspector's verdict; refusals (missing photo or reason) come back as readable messages. */
export const POST = staffRoute({ roles: ["inspector"], scanInDomain: true, body: submitVerdictSchema }, async ({ db, ctx, body }) => submitVerdict(db, ctx, { ...body, note: body.note ?? undefined }));

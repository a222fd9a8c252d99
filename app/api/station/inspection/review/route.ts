import { staffRoute } from "@/lib/http/staff-route";
import { reviewVerdict, reviewVerdictSchema } from "@/lib/inspection/review";

/** A second inspector confirms or overturns a held verdict (never the inspector themself). */
export const POST = staffRoute({ roles: ["inspector"], scanInDomain: true, body: reviewVerdictSchema }, async ({ db, ctx, body }) => reviewVerdict(db, ctx, { ...body, note: body.note ?? undefined }));

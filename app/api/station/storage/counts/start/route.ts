import { staffRoute } from "@/lib/http/staff-route";
import { startCount, startCountSchema } from "@/lib/storage/count-bin";

/** The operator scanned a bin to count it (blind: no contents in the answer). */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: startCountSchema }, async ({ db, ctx, body }) => (await startCount(db, ctx, body)).result);

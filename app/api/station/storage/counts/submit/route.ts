import { staffRoute } from "@/lib/http/staff-route";
import { submitCount, submitCountSchema } from "@/lib/storage/count-bin";

/** The operator finished the bin; differences go to the manager. */
export const POST = staffRoute({ roles: ["operator"], scanInDomain: true, body: submitCountSchema }, async ({ db, ctx, body }) => (await submitCount(db, ctx, body)).result);

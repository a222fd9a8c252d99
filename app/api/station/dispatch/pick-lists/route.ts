import { readPickQueue } from "@/lib/dispatch/pick-queue";
import { staffRoute } from "@/lib/http/staff-route";

/** The pick queue: open and claimed lists (newly waiting items are listed first). */
export const GET = staffRoute({ roles: ["operator"] }, async ({ db, ctx }) => ({ lists: await readPickQueue(db, ctx) }));

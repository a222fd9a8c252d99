import { staffRoute } from "@/lib/http/staff-route";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { toQueueData } from "@/lib/inspection/queue-row";

/** The inspector's queue: the first 200 units waiting in the order to take them and how many wait in all, and the live claims. */
export const GET = staffRoute({ roles: ["inspector"] }, async ({ db, ctx }) => {
  return toQueueData(await readInspectionQueue(db, ctx.centerId, { limit: 200, viewerId: ctx.userId }));
});

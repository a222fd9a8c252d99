import { staffRoute } from "@/lib/http/staff-route";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { toQueueData } from "@/lib/inspection/queue-row";

/** The inspector's queue: received items in the order to take them, and the open claims (timed-out ones released first). */
export const GET = staffRoute({ roles: ["inspector"] }, async ({ db, ctx }) => {
  const { waiting, claims, claimsTotal } = await readInspectionQueue(db, ctx.centerId, { limit: 200, viewerId: ctx.userId });
  return toQueueData(waiting, claims, claimsTotal);
});

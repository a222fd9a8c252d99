import { staffRoute } from "@/lib/http/staff-route";
import { listOpenClaims } from "@/lib/inspection/claims";
import { listInspectionQueue } from "@/lib/receiving/list-inspection-queue";
import { toQueueData } from "@/components/inspection/queue-row";

/** The inspector's queue: received items in the order to take them, and the open claims. */
export const GET = staffRoute({ roles: ["inspector"] }, async ({ db, ctx }) => {
  const [waiting, claims] = await Promise.all([listInspectionQueue(db, ctx.centerId, { limit: 200 }), listOpenClaims(db, ctx.centerId)]);
  return toQueueData(waiting, claims);
});

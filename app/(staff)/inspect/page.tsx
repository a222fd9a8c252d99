import { getDb } from "@/db/client";
import { InspectQueue } from "@/components/inspection/inspect-queue";
import { toQueueData } from "@/components/inspection/queue-row";
import { requireStaffPage } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/auth/staff-context";
import { listOpenClaims } from "@/lib/inspection/claims";
import { listInspectionQueue } from "@/lib/receiving/list-inspection-queue";

export const dynamic = "force-dynamic";

export default async function InspectQueuePage() {
  const staff = await requireStaffPage(["inspector"]);
  const db = await getDb();
  const [waiting, claims] = await Promise.all([listInspectionQueue(db, staff.center.id, { limit: 200 }), listOpenClaims(db, staff.center.id)]);
  return <InspectQueue initial={toQueueData(waiting, claims)} userId={staff.user.id} isManager={hasRole(staff.user.role, ["manager"])} />;
}

import { getDb } from "@/db/client";
import { InspectQueue } from "@/components/inspection/inspect-queue";
import { toQueueData } from "@/lib/inspection/queue-row";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/auth/staff-context";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { isSenior } from "@/lib/inspection/verdict-rules";

export const dynamic = "force-dynamic";

export default async function InspectQueuePage() {
  const staff = await requirePageAccess("/inspect");
  const db = await getDb();
  const read = await readInspectionQueue(db, staff.center.id, { limit: 200, viewerId: staff.user.id });
  return (
    <InspectQueue
      initial={toQueueData(read)}
      userId={staff.user.id}
      isManager={hasRole(staff.user.role, ["manager"])}
      canTakeOver={isSenior(staff.user.role)}
    />
  );
}

import { InspectionScreen } from "@/components/inspection/inspection-screen";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { isSenior } from "@/lib/inspection/verdict-rules";
import { loadInspectionPage } from "@/app/(staff)/inspect/load-inspection-page";

export const dynamic = "force-dynamic";

export default async function InspectionPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const staff = await requirePageAccess("/inspect/[inspectionId]");
  const view = await loadInspectionPage(staff, params);
  // Someone else's live claim: a senior or manager may take it over here, with a reason.
  const canTakeOver = isSenior(staff.user.role) && view.inspection.status === "open" && view.inspection.inspectorId !== staff.user.id && view.item.state === "in_inspection";
  return <InspectionScreen key={view.inspection.id} view={view} canTakeOver={canTakeOver} />;
}

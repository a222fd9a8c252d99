import { InspectionScreen } from "@/components/inspection/inspection-screen";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { loadInspectionPage } from "@/app/(staff)/inspect/load-inspection-page";

export const dynamic = "force-dynamic";

export default async function InspectionPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const view = await loadInspectionPage(await requirePageAccess("/inspect/[inspectionId]"), params);
  return <InspectionScreen key={view.inspection.id} view={view} />;
}

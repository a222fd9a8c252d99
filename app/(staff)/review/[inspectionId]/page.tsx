import { ReviewScreen } from "@/components/inspection/review-screen";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { loadInspectionPage } from "@/app/(staff)/inspect/load-inspection-page";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const view = await loadInspectionPage(await requirePageAccess("/review/[inspectionId]"), params);
  return <ReviewScreen key={view.inspection.id} view={view} />;
}

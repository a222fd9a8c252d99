import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { InspectionScreen } from "@/components/inspection/inspection-screen";
import { requireStaffPage } from "@/lib/auth/current-staff";
import { isDomainError } from "@/lib/errors/domain-error";
import { getInspectionView } from "@/lib/inspection/inspection-view";

export const dynamic = "force-dynamic";

export default async function InspectionPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const staff = await requireStaffPage(["inspector"]);
  const { inspectionId } = await params;
  const db = await getDb();
  const view = await getInspectionView(db, staff.ctx, inspectionId).catch((error: unknown) => {
    if (isDomainError(error) && error.kind === "not_found") notFound();
    throw error;
  });
  return <InspectionScreen key={view.inspection.id} view={view} />;
}

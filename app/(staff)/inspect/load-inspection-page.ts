import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { isDomainError } from "@/lib/errors/domain-error";
import { getInspectionView } from "@/lib/inspection/inspection-view";

/** For the inspection and second-look pages (after their access check): the inspector's view of one inspection, or 404. */
export async function loadInspectionPage(staff: CurrentStaff, params: Promise<{ inspectionId: string }>) {
  const { inspectionId } = await params;
  return getInspectionView(await getDb(), staff.ctx, inspectionId).catch((error: unknown) => {
    if (isDomainError(error) && error.kind === "not_found") notFound();
    throw error;
  });
}

import type { InspectionView } from "@/lib/inspection/inspection-view";
import type { ChecklistResult, Verdict } from "@/db/schema/inspection";

export type { InspectionView, ChecklistResult, Verdict };
export type PhotoSummary = InspectionView["photos"][number];
export type ReasonOption = InspectionView["reasonCodes"][number];

/** A label in the screen's language (checklists and reason codes carry both). */
export function localLabel(locale: string, thing: { labelEn: string; labelKo: string }): string {
  return locale === "ko" ? thing.labelKo : thing.labelEn;
}

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useScanRoutes } from "@/components/scanner/use-scan-routes";
import { ChecklistPanel } from "./checklist-panel";
import { InspectionSummary } from "./inspection-summary";
import styles from "./inspection.module.css";
import { PhotoPanel } from "./photo-panel";
import { ProductCard } from "./product-card";
import { ReviewPanel } from "./review-panel";
import type { InspectionView } from "./types";
import { ScreenHeading } from "./screen-heading";

/** One verdict under review: the evidence (product, checklist, photos, verdict) and the decision. */
export function ReviewScreen({ view }: { view: InspectionView }) {
  const t = useTranslations("inspection");
  // This item's label: say so; another item's label: go and claim it (the open claim stays);
  // anything else: the scanner's default answer.
  const router = useRouter();
  useScanRoutes({
    item: (scan) => {
      if (scan.code === view.item.code) return { tone: "success", message: t("screen.thisItemReview", { code: scan.code }) };
      router.push(`/inspect?scan=${encodeURIComponent(scan.code)}`);
      return { tone: "success", message: t("screen.openingOther", { code: scan.code }) };
    },
  });
  const waiting = view.inspection.status === "awaiting_review";
  const [photos, setPhotos] = useState(view.photos);
  // After the decision: the item's new state (the product card shows it).
  const [decidedState, setDecidedState] = useState<string | null>(null);
  const decided = decidedState !== null;
  return (
    <div className="stack">
      <ScreenHeading backHref="/review" backLabel={t("review.back")} title={t("review.screenTitle", { code: view.item.code ?? "" })} />
      <div className={styles.screenGrid}>
        <div className="stack">
          <InspectionSummary view={view} />
          {waiting && <ReviewPanel view={view} onDecided={setDecidedState} />}
          {/* The reviewer may add evidence, e.g. for overturning a Pass to a fail verdict. */}
          <PhotoPanel
            inspectionId={view.inspection.id}
            itemCode={view.item.code ?? ""}
            photos={photos}
            canAdd={waiting && view.canReview && !decided}
            onAdded={(p) => setPhotos((list) => [...list, p])}
          />
        </div>
        <div className="stack">
          <ProductCard view={view} state={decidedState ?? undefined} />
          <ChecklistPanel view={view} readOnly />
        </div>
      </div>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useScanHandler } from "@/components/scanner/scanner-provider";
import { ChecklistPanel } from "./checklist-panel";
import { InspectionSummary } from "./inspection-summary";
import styles from "./inspection.module.css";
import { PhotoPanel } from "./photo-panel";
import { ProductCard } from "./product-card";
import { ReviewPanel } from "./review-panel";
import type { InspectionView } from "./types";

/** One verdict under review: the evidence (product, checklist, photos, verdict) and the decision. */
export function ReviewScreen({ view }: { view: InspectionView }) {
  const t = useTranslations("inspection");
  useScanHandler(() => ({ tone: "warning", message: t("screen.scanElsewhere") }));
  const waiting = view.inspection.status === "awaiting_review";
  const [photos, setPhotos] = useState(view.photos);
  const [decided, setDecided] = useState(false);
  return (
    <div className="stack">
      <div className="row">
        <Link href="/review" className="button">
          ← {t("review.back")}
        </Link>
        <h1>{t("review.screenTitle", { code: view.item.code ?? "" })}</h1>
      </div>
      <div className={styles.screenGrid}>
        <div className="stack">
          <InspectionSummary view={view} />
          {waiting && <ReviewPanel view={view} onDecided={() => setDecided(true)} />}
          {/* The reviewer may add evidence, e.g. for overturning a Pass to a fail verdict. */}
          <PhotoPanel
            inspectionId={view.inspection.id}
            photos={photos}
            canAdd={waiting && view.canReview && !decided}
            onAdded={(p) => setPhotos((list) => [...list, p])}
          />
        </div>
        <div className="stack">
          <ProductCard view={view} />
          <ChecklistPanel view={view} readOnly />
        </div>
      </div>
    </div>
  );
}

"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useScanRoutes } from "@/components/scanner/use-scan-routes";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import { ChecklistPanel } from "./checklist-panel";
import { InspectionSummary } from "./inspection-summary";
import { ItemTakeOver } from "./item-take-over";
import styles from "./inspection.module.css";
import { PhotoPanel, useQueuedPhotoCount } from "./photo-panel";
import { ProductCard } from "./product-card";
import type { InspectionView } from "./types";
import { VerdictPanel, type VerdictAnswer } from "./verdict-panel";
import { outcomeKey } from "./verdict-outcome";
import { ScreenHeading } from "./screen-heading";

/** The tablet's inspection screen: reference data, checklist, photos, verdict, then what happens next. */
export function InspectionScreen({ view, canTakeOver = false }: { view: InspectionView; canTakeOver?: boolean }) {
  const t = useTranslations("inspection");
  const tStates = useTranslations("states");
  const format = useFormatter();
  const [photos, setPhotos] = useState(view.photos);
  // Photos taken offline count: they are uploaded before the verdict queued behind them.
  const queuedPhotos = useQueuedPhotoCount(view.inspection.id);
  const [outcome, setOutcome] = useState<VerdictAnswer | null>(null);
  const [notOkPoints, setNotOkPoints] = useState<string[]>([]);
  const editable = view.canEdit && !outcome;

  // A scan here is most likely the next item: say where to claim it rather than ignoring it.
  // This item's label: say so; another item's label: go and claim it (the open claim stays);
  // anything else: the scanner's default answer.
  const router = useRouter();
  // The outcome shows at the top: bring it into view where the person is looking.
  const outcomeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) outcomeRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [outcome]);
  // "Next item" claims the head of the queue (one intent per finished inspection: a retry claims once).
  const next = useStationAction();
  function claimNext() {
    void next.run(`next:${view.inspection.id}`, (scanId) => apiFetch<{ inspectionId: string; itemCode: string | null }>("/api/station/inspection/claim-next", { body: { inspectionId: view.inspection.id }, scanId }), {
      answer: (claimed) => {
        router.push(`/inspect/${claimed.inspectionId}`);
        return { tone: "success", message: t("queue.claimed", { code: claimed.itemCode ?? "" }) };
      },
    });
  }
  useScanRoutes({
    item: (scan) => {
      if (scan.code === view.item.code) return { tone: "success", message: t("screen.thisItem", { code: scan.code }) };
      router.push(`/inspect?scan=${encodeURIComponent(scan.code)}`);
      return { tone: "success", message: t("screen.openingOther", { code: scan.code }) };
    },
  });

  return (
    <div className="stack">
      <ScreenHeading backHref="/inspect" backLabel={t("screen.back")} title={t("screen.title", { code: view.item.code ?? "" })}>
        <span className="muted">
          {t("screen.claimedBy", {
            name: view.inspection.inspectorName,
            time: format.dateTime(new Date(view.inspection.claimedAt), "time"),
          })}
        </span>
      </ScreenHeading>
      {outcome && (
        <div ref={outcomeRef} className={`alert ${outcome.verdict.startsWith("fail") ? "alert--error" : outcome.needsReview || outcome.awaitingBuyerDecision ? "alert--warn" : "alert--ok"} ${styles.outcome}`} role="status" data-testid="verdict-outcome">
          <strong>{t(`verdicts.${outcome.verdict}`)}</strong>
          <span>
            {t(outcomeKey(outcome), { penalty: outcome.penaltyRate !== null ? Math.round(outcome.penaltyRate * 100) : 0 })}
          </span>
          <span className="muted">{t("screen.itemNow", { state: tStates(outcome.itemState) })}</span>
          <button type="button" className="button button--primary" disabled={next.busy !== null} onClick={claimNext} data-testid="inspect-next">
            {t("screen.next")}
          </button>
          <Link href="/inspect" className="button">
            {t("screen.back")}
          </Link>
          <ActionAnswer answer={next.answer} testId="next-answer" />
        </div>
      )}
      {canTakeOver && <ItemTakeOver itemId={view.item.id} itemCode={view.item.code} holder={view.inspection.inspectorName} />}
      {!view.canEdit && !outcome && <InspectionSummary view={view} />}
      <div className={styles.screenGrid}>
        <div className="stack">
          {/* After the verdict the card shows the item's new state, not the one the page loaded with. */}
          <ProductCard view={view} state={outcome?.itemState} />
          <ChecklistPanel view={view} readOnly={!editable} onNotOkChange={setNotOkPoints} />
        </div>
        {/* On a tablet the photos and the verdict stay in view while the checklist scrolls. */}
        <div className={`stack ${styles.actionColumn}`}>
          <PhotoPanel inspectionId={view.inspection.id} itemCode={view.item.code ?? ""} photos={photos} canAdd={editable} onAdded={(p) => setPhotos((list) => [...list, p])} />
          {editable && <VerdictPanel view={view} photoCount={photos.length + queuedPhotos} notOkPoints={notOkPoints} onDone={setOutcome} />}
        </div>
      </div>
    </div>
  );
}

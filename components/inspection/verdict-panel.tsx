"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import type { InspectionView } from "./types";
import { VerdictPicker, type VerdictChoice } from "./verdict-picker";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

export type VerdictAnswer = {
  verdict: string;
  itemCode: string | null;
  itemState: string;
  status: string;
  needsReview: boolean;
  reviewReason: string | null;
  awaitingBuyerDecision: boolean;
  penaltyRate: number | null;
};

/**
 * The inspector records the verdict; a refusal (missing photo or reason) is shown as sent. A Pass
 * with checklist points marked not ok is allowed by the rules but is likely a mis-tap: the screen
 * asks once more before sending it.
 */
export function VerdictPanel({
  view,
  photoCount,
  notOkPoints,
  onDone,
}: {
  view: InspectionView;
  photoCount: number;
  /** Labels of the checklist points marked not ok. */
  notOkPoints: string[];
  onDone: (answer: VerdictAnswer) => void;
}) {
  const t = useTranslations("inspection");
  // One intent per inspection: a retry after a lost answer reuses the scan id and is answered
  // with the recorded verdict; a refusal (missing photo) frees it for the corrected verdict.
  const action = useStationAction({ invalidate: [["inspection-queue"]] });
  const [choice, setChoiceState] = useState<VerdictChoice>({ verdict: null, reasonCodes: [], note: "" });
  const [warnPass, setWarnPass] = useState(false);
  const [queued, setQueued] = useState(false);
  const setChoice = (next: VerdictChoice) => {
    setChoiceState(next);
    setWarnPass(false);
  };
  const passDespiteNotOk = choice.verdict === "pass" && notOkPoints.length > 0;
  const sending = action.busy !== null;
  const option = view.verdictOptions.find((o) => o.verdict === choice.verdict);
  const missing: string[] = [];
  if (option?.needsReason && choice.reasonCodes.length === 0) missing.push(t("verdict.needReason"));
  if (option?.needsPhoto && photoCount === 0) missing.push(t("verdict.needPhoto"));

  async function submit(confirmed = false) {
    if (!choice.verdict) return;
    if (passDespiteNotOk && !confirmed) {
      setWarnPass(true);
      return;
    }
    setWarnPass(false);
    const url = "/api/station/inspection/verdict";
    const body = { inspectionId: view.inspection.id, verdict: choice.verdict, reasonCodes: choice.reasonCodes, note: choice.note };
    // Offline the verdict is kept on the device, after the checklist taps queued before it; the
    // outcome shows here once it is sent (if the screen is still open).
    const { queued: kept } = await action.attempt(`verdict:${view.inspection.id}`, (scanId) => apiFetch<VerdictAnswer>(url, { body, scanId }), {
      answer: (answer) => {
        setQueued(false);
        onDone(answer);
        return null;
      },
      offline: { url, body, summary: { key: "inspection.queued.verdict", params: { verdict: t(`verdicts.${choice.verdict}`), code: view.item.code ?? "" } } },
    });
    if (kept) setQueued(true);
  }

  return (
    <section className="card stack" data-testid="verdict">
      <h2>{t("verdict.title")}</h2>
      <VerdictPicker view={view} value={choice} onChange={setChoice} />
      {missing.length > 0 && (
        <p className="alert alert--warn" data-testid="verdict-missing">
          {missing.join(" ")}
        </p>
      )}
      {warnPass && passDespiteNotOk && (
        <div className="alert alert--warn stack" role="alert" data-testid="pass-warning">
          <p>{t("verdict.passWarning", { count: notOkPoints.length, points: notOkPoints.join(", ") })}</p>
          <div className="row">
            <button type="button" className="button button--primary" disabled={sending} onClick={() => void submit(true)}>
              {t("verdict.passAnyway")}
            </button>
            <button type="button" className="button" onClick={() => setWarnPass(false)}>
              {t("verdict.goBack")}
            </button>
          </div>
        </div>
      )}
      <ActionAnswer answer={action.answer} testId="verdict-error" />
      {queued && (
        <p className="alert alert--queued" data-testid="verdict-queued">
          {t("queued.verdictKept")}
        </p>
      )}
      <button type="button" className="button button--primary button--large" disabled={!choice.verdict || sending || queued || (warnPass && passDespiteNotOk)} onClick={() => void submit()}>
        {sending ? t("saving") : t("verdict.submit")}
      </button>
    </section>
  );
}

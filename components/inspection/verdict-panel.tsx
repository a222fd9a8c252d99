"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, newScanId } from "@/components/http/api-fetch";
import type { InspectionView } from "./types";
import { VerdictPicker, type VerdictChoice } from "./verdict-picker";
import { useErrorText } from "@/components/i18n/use-error-text";

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
  const errorText = useErrorText();
  const [choice, setChoiceState] = useState<VerdictChoice>({ verdict: null, reasonCodes: [], note: "" });
  const [warnPass, setWarnPass] = useState(false);
  const setChoice = (next: VerdictChoice) => {
    setChoiceState(next);
    setWarnPass(false);
  };
  const passDespiteNotOk = choice.verdict === "pass" && notOkPoints.length > 0;
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
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
    setSending(true);
    try {
      const answer = await apiFetch<VerdictAnswer>("/api/station/inspection/verdict", {
        body: { scanId: newScanId(), inspectionId: view.inspection.id, verdict: choice.verdict, reasonCodes: choice.reasonCodes, note: choice.note },
      });
      setError(null);
      onDone(answer);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
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
      {error && (
        <p className="alert alert--error" role="alert" data-testid="verdict-error">
          {error}
        </p>
      )}
      <button type="button" className="button button--primary button--large" disabled={!choice.verdict || sending || (warnPass && passDespiteNotOk)} onClick={() => void submit()}>
        {sending ? t("saving") : t("verdict.submit")}
      </button>
    </section>
  );
}

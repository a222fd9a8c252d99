"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import type { InspectionView } from "./types";
import { outcomeKey } from "./verdict-outcome";
import { VerdictPicker, type VerdictChoice } from "./verdict-picker";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

type ReviewAnswer = {
  decision: "confirm" | "overturn";
  originalVerdict: string;
  verdict: string;
  itemState: string;
  awaitingBuyerDecision: boolean;
  penaltyRate: number | null;
};

/**
 * The second look: confirm the verdict, or overturn it with another verdict and its reasons. A
 * decision the server would refuse (the verdict's own author, a counterfeit without a senior) is
 * shown disabled with the reason.
 */
export function ReviewPanel({ view, onDecided }: { view: InspectionView; onDecided?: (itemState: string) => void }) {
  const t = useTranslations("inspection");
  const action = useStationAction({ invalidate: [["review-queue"]] });
  const tStates = useTranslations("states");
  const [mode, setMode] = useState<"confirm" | "overturn">("confirm");
  const [choice, setChoice] = useState<VerdictChoice>({ verdict: null, reasonCodes: [], note: "" });
  const [note, setNote] = useState("");
  const sending = action.busy !== null;
  const [answer, setAnswer] = useState<ReviewAnswer | null>(null);
  const original = view.inspection.verdict!;
  const errorText = useErrorText();
  const block = view.reviewBlock ? errorText(new ApiError(view.reviewBlock, "", 403)) : null;
  const counterfeitBlock =
    !block && choice.verdict === "fail_counterfeit" && view.counterfeitBlocked ? errorText(new ApiError("forbidden:senior_required", "", 403)) : null;

  async function send(decision: "confirm" | "overturn") {
    const body =
      decision === "confirm"
        ? { inspectionId: view.inspection.id, decision, note }
        : { inspectionId: view.inspection.id, decision, verdict: choice.verdict, reasonCodes: choice.reasonCodes, note: choice.note };
    // One intent per inspection under review: a retry is answered with the recorded decision.
    const result = await action.run(`review:${view.inspection.id}`, (scanId) => apiFetch<ReviewAnswer>("/api/station/inspection/review", { body, scanId }));
    if (!result) return;
    setAnswer(result);
    onDecided?.(result.itemState);
  }

  if (answer) {
    return (
      <section className="card stack" data-testid="review-outcome">
        <p className={`alert ${answer.verdict.startsWith("fail") ? "alert--error" : "alert--ok"}`} role="status">
          {t(answer.decision === "confirm" ? "review.confirmed" : "review.overturned", {
            original: t(`verdicts.${answer.originalVerdict}`),
            verdict: t(`verdicts.${answer.verdict}`),
          })}{" "}
          {t(outcomeKey(answer), { penalty: answer.penaltyRate !== null ? Math.round(answer.penaltyRate * 100) : 0 })}
        </p>
        <p className="muted">{t("screen.itemNow", { state: tStates(answer.itemState) })}</p>
        <Link href="/review" className="button button--primary button--large">
          {t("review.back")}
        </Link>
      </section>
    );
  }

  return (
    <section className="card stack" data-testid="review-panel">
      <h2>{t("review.decide", { verdict: t(`verdicts.${original}`), name: view.inspection.inspectorName })}</h2>
      {block && (
        <p className="alert alert--warn" data-testid="review-block">
          {block}
        </p>
      )}
      <div className="row">
        <button type="button" className="button" aria-pressed={mode === "confirm"} onClick={() => setMode("confirm")}>
          {t("review.modeConfirm")}
        </button>
        <button type="button" className="button" aria-pressed={mode === "overturn"} onClick={() => setMode("overturn")}>
          {t("review.modeOverturn")}
        </button>
      </div>
      {mode === "confirm" ? (
        <>
          <label className="field">
            {t("verdict.note")}
            <textarea value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="button button--ok button--large" disabled={sending || block !== null} onClick={() => void send("confirm")}>
            {t("review.confirm", { verdict: t(`verdicts.${original}`) })}
          </button>
        </>
      ) : (
        <>
          <VerdictPicker view={view} value={choice} onChange={setChoice} exclude={[original]} showReviewHints={false} />
          <button
            type="button"
            className="button button--danger button--large"
            disabled={sending || !choice.verdict || block !== null || counterfeitBlock !== null}
            onClick={() => void send("overturn")}
          >
            {t("review.overturn")}
          </button>
          {counterfeitBlock && (
            <p className="alert alert--warn" data-testid="review-block">
              {counterfeitBlock}
            </p>
          )}
        </>
      )}
      <ActionAnswer answer={action.answer} testId="review-error" />
    </section>
  );
}

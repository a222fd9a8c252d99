"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, newScanId } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { playFeedback } from "@/components/scanner/feedback-sound";
import { ScanPanel } from "@/components/scanner/scan-panel";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import { classifyScan } from "@/lib/scan-codes/classify";
import type { CountProgress } from "@/lib/storage/count-bin";
import type { PlannedCount } from "@/lib/storage/plan-counts";
import styles from "./storage.module.css";

/**
 * The blind count: scan a bin, then every item in it; the expected contents are never shown.
 * Finishing hands the differences to the manager.
 */
export function CountStation({ planned }: { planned: PlannedCount[] }) {
  const t = useTranslations("storage.count");
  const errorText = useErrorText();
  const [count, setCount] = useState<CountProgress | null>(null);
  const [finishId, setFinishId] = useState<string | null>(null);
  const [result, setResult] = useState<ScanFeedback | null>(null);
  const [busy, setBusy] = useState(false);

  useScanHandler(async (code, scanId): Promise<ScanFeedback> => {
    const scan = classifyScan(code);
    try {
      if (scan.kind === "bin") {
        const started = await apiFetch<CountProgress>("/api/station/storage/counts/start", { body: { scanId, binCode: scan.code } });
        setCount(started);
        setResult(null);
        return { tone: "success", message: t("started", { bin: started.binCode }) };
      }
      if (scan.kind === "item") {
        if (!count) return { tone: "error", message: t("scanBinFirst") };
        const answer = await apiFetch<CountProgress & { duplicate: boolean }>("/api/station/storage/counts/scan", {
          body: { scanId, countId: count.countId, itemCode: scan.code },
        });
        setCount(answer);
        return answer.duplicate
          ? { tone: "warning", message: t("duplicate", { code: scan.code }) }
          : { tone: "success", message: t("counted", { code: scan.code, scanned: answer.scanned }) };
      }
      if (scan.kind === "invalid") return { tone: "error", message: scan.message };
      return { tone: "error", message: t("wrongKind") };
    } catch (error) {
      return { tone: "error", message: errorText(error) };
    }
  });

  async function finish() {
    if (!count) return;
    const scanId = finishId ?? newScanId();
    setFinishId(scanId);
    setBusy(true);
    try {
      const answer = await apiFetch<CountProgress>("/api/station/storage/counts/submit", { body: { scanId, countId: count.countId } });
      setFinishId(null);
      setCount(null);
      const feedback: ScanFeedback = { tone: "success", message: t("submitted", { bin: answer.binCode, scanned: answer.scanned }) };
      playFeedback(feedback.tone);
      setResult(feedback);
    } catch (error) {
      const feedback: ScanFeedback = { tone: "error", message: errorText(error) };
      playFeedback(feedback.tone);
      setResult(feedback);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.station}>
      <div className={styles.main}>
        <h1>{t("title")}</h1>
        {result && <p className={`alert ${result.tone === "error" ? "alert--error" : "alert--ok"}`} role="status">{result.message}</p>}
        {count ? (
          <section className={`card ${styles.target}`} data-testid="count-current">
            <p className="muted">{t("counting")}</p>
            <p className={styles.binCode}>{count.binCode}</p>
            <p className={styles.counter} data-testid="count-scanned">{count.scanned}</p>
            <p>{t("scannedSoFar")}</p>
            <p className={styles.hint}>{t("scanEveryItem")}</p>
            <button type="button" className="button button--primary button--large" disabled={busy} onClick={() => void finish()}>
              {t("finish")}
            </button>
          </section>
        ) : (
          <section className="card">
            <p className={styles.hint}>{t("idle")}</p>
          </section>
        )}
        <section aria-label={t("plannedTitle")}>
          <h2>{t("plannedTitle")}</h2>
          {planned.length === 0 ? (
            <p className="muted">{t("noneplanned")}</p>
          ) : (
            <ol className={styles.queue}>
              {planned.map((p) => (
                <li key={p.id}>
                  <span className={styles.code}>{p.binCode}</span>
                  <span>{t(`status.${p.status}` as "status.planned")}</span>
                  <span className="muted">{p.zoneCode}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      <aside className={styles.side}>
        <ScanPanel />
      </aside>
    </div>
  );
}

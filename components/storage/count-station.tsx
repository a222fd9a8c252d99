"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useQueuedCount } from "@/components/offline/use-queued-count";
import { useScanRoutes } from "@/components/scanner/use-scan-routes";
import { useStationAction } from "@/components/station/use-station-action";
import type { CountProgress } from "@/lib/storage/count-bin";
import type { PlannedCount } from "@/lib/storage/plan-counts";
import styles from "./storage.module.css";
import { StationLayout } from "@/components/station/station-layout";

const countScanUrl = "/api/station/storage/counts/scan";

/** The count's item scans still waiting in this device's queue, each item once (a repeat is one item). */
function useQueuedItemScans(countId: string | null): number {
  const codes = new Set<unknown>();
  useQueuedCount((scan) => {
    const mine = countId !== null && scan.request.url === countScanUrl && scan.request.body.countId === countId;
    if (mine) codes.add(scan.request.body.itemCode);
    return mine;
  });
  return codes.size;
}

/**
 * The blind count: scan a bin, then every item in it; the expected contents are never shown.
 * Finishing hands the differences to the manager.
 */
export function CountStation({ planned }: { planned: PlannedCount[] }) {
  const t = useTranslations("storage.count");
  const [count, setCount] = useState<CountProgress | null>(null);
  // Every step (start, each item, finish) is a station action: one scan id per intent, retried safely.
  const action = useStationAction();
  // Item scans kept on this device while offline count as they will be, marked as waiting.
  const queued = useQueuedItemScans(count?.countId ?? null);

  useScanRoutes(
    {
      bin: (scan, scanId) =>
        action.runScan(`start:${scanId}`, (id) => apiFetch<CountProgress>("/api/station/storage/counts/start", { body: { binCode: scan.code }, scanId: id }), {
          answerIn: "scanner",
          answer: (started) => {
            setCount(started);
            action.clear();
            return { tone: "success", message: t("started", { bin: started.binCode }) };
          },
        }),
      item: (scan, scanId) => {
        if (!count) return { tone: "error", message: t("scanBinFirst") };
        const url = countScanUrl;
        const body = { countId: count.countId, itemCode: scan.code };
        // A count once started goes on offline: each item scan is kept and counted, in order, when sent
        // (starting a bin's count needs the network: the server opens it).
        return action.runScan(
          `count:${scanId}`,
          (id) => apiFetch<CountProgress & { duplicate: boolean }>(url, { body, scanId: id }),
          {
            answerIn: "scanner",
            offline: { url, body, summary: { key: "storage.count.queuedLine", params: { code: scan.code, bin: count.binCode } } },
            answer: (answer) => {
              setCount(answer);
              return answer.duplicate
                ? { tone: "warning", message: t("duplicate", { code: scan.code }) }
                : { tone: "success", message: t("counted", { code: scan.code, scanned: answer.scanned }) };
            },
          },
        );
      },
    },
    () => ({ tone: "error", message: t("wrongKind") }),
  );

  function finish() {
    if (!count) return;
    const { countId, binCode } = count;
    const url = "/api/station/storage/counts/submit";
    const body = { countId };
    void action
      .attempt(`finish:${countId}`, (scanId) => apiFetch<CountProgress>(url, { body, scanId }), {
        answer: (answer) => {
          setCount(null);
          return { tone: "success", message: t("submitted", { bin: answer.binCode, scanned: answer.scanned }) };
        },
        // Offline the finish waits behind the item scans queued before it.
        offline: { url, body, summary: { key: "storage.count.queuedFinish", params: { bin: binCode } } },
      })
      .then(({ queued }) => {
        if (queued) setCount(null);
      });
  }

  return (
    <StationLayout answer={action.answer}>
      <h1>{t("title")}</h1>
      {count ? (
        <section className={`card ${styles.target}`} data-testid="count-current">
          <p className="muted">{t("counting")}</p>
          <p className={styles.binCode}>{count.binCode}</p>
          <p className={styles.counter} data-testid="count-scanned" data-waiting={queued}>
            {count.scanned + queued}
          </p>
          <p>{t("scannedSoFar")}</p>
          {queued > 0 && (
            <p>
              <span className="badge badge--queued" data-testid="count-queued">
                {t("queuedScans", { count: queued })}
              </span>
            </p>
          )}
          <p className={styles.hint}>{t("scanEveryItem")}</p>
          <button type="button" className="button button--primary button--large" disabled={action.busy !== null} onClick={finish}>
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
    </StationLayout>
  );
}

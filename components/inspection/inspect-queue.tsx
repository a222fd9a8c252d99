"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { apiFetch, newScanId } from "@/components/http/api-fetch";
import { ScanPanel } from "@/components/scanner/scan-panel";
import { useScanHandler, type ScanFeedback } from "@/components/scanner/scanner-provider";
import { classifyScan } from "@/lib/scan-codes/classify";
import { formatWaiting } from "./format";
import styles from "./inspection.module.css";
import type { ClaimRow, QueueData } from "./queue-row";
import { useErrorText } from "@/components/i18n/use-error-text";

type ClaimAnswer = { inspectionId: string; itemCode: string | null; reopened: boolean; tookOverFrom: { name: string } | null };

/** The inspector's queue: scan a label or tap a row to claim; managers release abandoned claims. */
export function InspectQueue({ initial, userId, isManager }: { initial: QueueData; userId: string; isManager: boolean }) {
  const t = useTranslations("inspection");
  const errorText = useErrorText();
  const format = useFormatter();
  const router = useRouter();
  const [data, setData] = useState(initial);
  const [alert, setAlert] = useState<{ tone: "error" | "ok"; text: string } | null>(null);
  const [busyItem, setBusyItem] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await apiFetch<QueueData>("/api/station/inspection/queue"));
    } catch {
      /* keep the last list; the next refresh tries again */
    }
  }, []);

  useEffect(() => {
    const timer = window.setInterval(reload, 20_000);
    return () => window.clearInterval(timer);
  }, [reload]);

  const claim = useCallback(
    async (target: { itemCode?: string; itemId?: string }, scanId: string): Promise<ScanFeedback> => {
      setBusyItem(target.itemId ?? target.itemCode ?? null);
      try {
        const answer = await apiFetch<ClaimAnswer>("/api/station/inspection/claim", { body: { scanId, ...target } });
        const message = answer.tookOverFrom
          ? t("queue.tookOver", { code: answer.itemCode ?? "", name: answer.tookOverFrom.name })
          : t("queue.claimed", { code: answer.itemCode ?? "" });
        setAlert({ tone: "ok", text: message });
        router.push(`/inspect/${answer.inspectionId}`);
        return { tone: "success", message };
      } catch (error) {
        const message = errorText(error);
        setAlert({ tone: "error", text: message });
        void reload();
        return { tone: "error", message };
      } finally {
        setBusyItem(null);
      }
    },
    [reload, router, t],
  );

  useScanHandler(async (code, scanId) => {
    const scan = classifyScan(code);
    if (scan.kind === "item") return claim({ itemCode: scan.code }, scanId);
    const message = scan.kind === "invalid" ? scan.message : t("queue.notAnItem", { code });
    setAlert({ tone: "error", text: message });
    return { tone: "error", message };
  });

  async function release(row: ClaimRow) {
    try {
      await apiFetch("/api/station/inspection/release", { body: { itemId: row.itemId } });
      setAlert({ tone: "ok", text: t("queue.released", { code: row.itemCode ?? "", name: row.inspectorName }) });
    } catch (error) {
      setAlert({ tone: "error", text: errorText(error) });
    }
    await reload();
  }

  const { waiting, claims } = data;
  const overdue = waiting.filter((r) => r.overdue).length;
  const units = { h: t("units.h"), min: t("units.min") };

  return (
    <div className={styles.queueLayout}>
      <section className="stack">
        <div className="row">
          <h1>{t("queue.title")}</h1>
          <span className="badge" data-testid="queue-count">
            {t("queue.waiting", { count: waiting.length })}
          </span>
          {overdue > 0 && (
            <span className={`${styles.pill} ${styles.pillOverdue}`} data-testid="queue-overdue">
              {t("queue.overdueCount", { count: overdue })}
            </span>
          )}
        </div>
        <p className="muted">{t("queue.hint")}</p>
        {alert && (
          <p className={`alert alert--${alert.tone}`} role="alert" data-testid="queue-alert">
            {alert.text}
          </p>
        )}
        {claims.length > 0 && (
          <div className="stack">
            <h2>{t("queue.claimsTitle")}</h2>
            <ul className={styles.queueList} data-testid="open-claims">
              {claims.map((row) => {
                const mine = row.inspectorId === userId;
                return (
                  <li key={row.inspectionId} className={styles.queueRow} data-testid="claim-row" data-item-code={row.itemCode ?? ""}>
                    <div className={styles.queueMain}>
                      <div className={styles.queueTitle}>
                        <code>{row.itemCode}</code> · {row.productName}
                      </div>
                      <div className={styles.queueMeta}>
                        <span className={`${styles.pill} ${styles.pillClaimed}`}>
                          {mine ? t("queue.claimedByYou") : t("queue.claimedBy", { name: row.inspectorName })}
                        </span>
                        <span className="muted">
                          {t("queue.claimedAt", { time: format.dateTime(new Date(row.claimedAt), "dateTime") })}
                        </span>
                      </div>
                    </div>
                    <div className={styles.queueActions}>
                      {mine && (
                        <Link href={`/inspect/${row.inspectionId}`} className="button button--primary">
                          {t("queue.continue")}
                        </Link>
                      )}
                      {!mine && isManager && (
                        <button type="button" className="button button--danger" onClick={() => void release(row)}>
                          {t("queue.release")}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {waiting.length === 0 ? (
          <p className="card muted">{t("queue.empty")}</p>
        ) : (
          <ul className={styles.queueList} data-testid="inspection-queue">
            {waiting.map((row) => (
              <li
                key={row.itemId}
                className={`${styles.queueRow} ${row.overdue ? styles.queueRowOverdue : row.dueSoon ? styles.queueRowSoon : ""}`}
                data-testid="queue-row"
                data-item-code={row.itemCode ?? ""}
              >
                <div className={styles.queueMain}>
                  <div className={styles.queueTitle}>
                    <code>{row.itemCode}</code> · {row.productName}
                  </div>
                  <div className="muted">
                    {t(`categories.${row.category}`)} · {t("size")} {row.size} · {format.number(row.price)} ₩ · {t(`orderTypes.${row.type}`)}
                  </div>
                  <div className={styles.queueMeta}>
                    <span>{t("queue.waited", { duration: formatWaiting(row.waitingMinutes * 60_000, units) })}</span>
                    {row.overdue ? (
                      <span className={`${styles.pill} ${styles.pillOverdue}`} data-testid="overdue">
                        ⚠ {t("queue.overdue", { due: format.dateTime(new Date(row.deadlineAt), "dateTime") })}
                      </span>
                    ) : row.dueSoon ? (
                      <span className={`${styles.pill} ${styles.pillSoon}`}>
                        {t("queue.dueSoon", { due: format.dateTime(new Date(row.deadlineAt), "time") })}
                      </span>
                    ) : null}
                  </div>
                </div>
                <div className={styles.queueActions}>
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={busyItem === row.itemId}
                    onClick={() => void claim({ itemId: row.itemId }, newScanId())}
                  >
                    {t("queue.inspect")}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <aside>
        <ScanPanel />
      </aside>
    </div>
  );
}

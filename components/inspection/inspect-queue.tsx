"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ApiError, apiFetch } from "@/components/http/api-fetch";
import { ScanPanel } from "@/components/scanner/scan-panel";
import { useHandedOverScan } from "@/components/scanner/use-handed-over-scan";
import { useScanRoutes } from "@/components/scanner/use-scan-routes";
import { formatWaiting } from "./format";
import styles from "./inspection.module.css";
import { QueueItemHeading } from "./queue-item-heading";
import type { ClaimRow, QueueData } from "@/lib/inspection/queue-row";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";
import { useProductName } from "@/components/i18n/use-product-name";
import { TakeOverForm } from "./take-over-form";
import { useTakeOver } from "./use-take-over";
import { QueueHeading } from "./queue-heading";

type ClaimAnswer = { inspectionId: string; itemCode: string | null; reopened: boolean; tookOverFrom: { name: string } | null };

export const inspectionQueueKey = ["inspection-queue"];

type TakeOverTarget = { itemId?: string; itemCode: string; holder: string };

/**
 * The inspector's queue: scan a label or tap a row to claim; managers release abandoned claims;
 * seniors and managers take over someone else's claim with a reason.
 */
export function InspectQueue({ initial, userId, isManager, canTakeOver }: { initial: QueueData; userId: string; isManager: boolean; canTakeOver: boolean }) {
  const t = useTranslations("inspection");
  const format = useFormatter();
  const router = useRouter();
  // The list stays live: polled, and refreshed after every claim or release.
  const { data = initial } = useQuery({
    queryKey: inspectionQueueKey,
    queryFn: () => apiFetch<QueueData>("/api/station/inspection/queue"),
    initialData: initial,
    refetchInterval: 20_000,
  });
  const action = useStationAction({ invalidate: [inspectionQueueKey] });
  const names = useProductName();
  const busyItem = action.busy?.replace(/^claim:/, "") ?? null;
  // The claim a senior or manager is about to take over (from a row, or offered after a refused scan).
  const [takeOver, setTakeOver] = useState<TakeOverTarget | null>(null);
  const runTakeOver = useTakeOver(action);

  /**
   * Claims by scan or tap; one intent per item, so a double tap or a retry claims once. A scan's
   * answer is sounded by the scanner panel (one sound per scan) and shown in the queue's alert too.
   */
  const claim = (target: { itemCode?: string; itemId?: string }, by: "scan" | "tap") =>
    action.runScan(`claim:${target.itemId ?? target.itemCode}`, (scanId) => apiFetch<ClaimAnswer>("/api/station/inspection/claim", { body: { ...target }, scanId }), {
      answerIn: by === "scan" ? "both" : "page",
      answer: (answer) => {
        router.push(`/inspect/${answer.inspectionId}`);
        return {
          tone: "success",
          message: answer.tookOverFrom
            ? t("queue.tookOver", { code: answer.itemCode ?? "", name: answer.tookOverFrom.name })
            : t("queue.claimed", { code: answer.itemCode ?? "" }),
        };
      },
      refused: (error, text) => {
        // Someone else's live claim: a senior or manager is offered the take-over, reason first.
        if (canTakeOver && error instanceof ApiError && error.code === "conflict:claimed") {
          const holder = String(error.params.name ?? "");
          const itemCode = String(error.params.item ?? target.itemCode ?? "");
          setTakeOver({ itemId: target.itemId, itemCode, holder });
          return { tone: "warning", message: t("queue.takeOverOffer", { code: itemCode, name: holder }) };
        }
        return { tone: "error", message: text };
      },
    });

  function confirmTakeOver(target: TakeOverTarget, reason: string) {
    void runTakeOver({ itemId: target.itemId, itemCode: target.itemCode }, reason).then((result) => {
      if (result) setTakeOver(null);
    });
  }

  // An item label claims the item; any other code gets the scanner's default answer.
  useScanRoutes({ item: (scan) => claim({ itemCode: scan.code }, "scan") });

  // A label scanned on another page (the inspection screen, home) arrives as ?scan=…
  useHandedOverScan();

  function release(row: ClaimRow) {
    void action.run(`release:${row.itemId}`, (scanId) => apiFetch("/api/station/inspection/release", { body: { itemId: row.itemId }, scanId }), {
      answer: () => ({ tone: "success", message: t("queue.released", { code: row.itemCode ?? "", name: row.inspectorName }) }),
    });
  }

  const { waiting, claims } = data;
  const overdue = data.overdueTotal;
  const units = { h: t("units.h"), min: t("units.min") };

  return (
    <div className={styles.queueLayout}>
      <section className="stack">
        <QueueHeading title={t("queue.title")} count={t("queue.waiting", { count: data.waitingTotal })} countTestId="queue-count" hint={t("queue.hint")}>
          {overdue > 0 && (
            <span className={`${styles.pill} ${styles.pillOverdue}`} data-testid="queue-overdue">
              {t("queue.overdueCount", { count: overdue })}
            </span>
          )}
        </QueueHeading>
        <ActionAnswer answer={action.answer} testId="queue-alert" />
        {takeOver && !data.claims.some((c) => c.itemCode === takeOver.itemCode) && (
          <TakeOverForm
            itemCode={takeOver.itemCode}
            holder={takeOver.holder}
            busy={action.busy !== null}
            onSubmit={(reason) => confirmTakeOver(takeOver, reason)}
            onCancel={() => setTakeOver(null)}
          />
        )}
        {claims.length > 0 && (
          <div className="stack">
            <h2>
              {t("queue.claimsTitle")}{" "}
              <span className="muted" data-testid="claims-total">
                {t("queue.claimsTotal", { count: data.claimsTotal })}
              </span>
            </h2>
            <ul className={styles.queueList} data-testid="open-claims">
              {claims.map((row) => {
                const mine = row.inspectorId === userId;
                return (
                  <li key={row.inspectionId} className={styles.queueRow} data-testid="claim-row" data-item-code={row.itemCode ?? ""}>
                    <div className={styles.queueMain}>
                      <div className={styles.queueTitle}>
                        <code>{row.itemCode}</code> · {names.name(row)}
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
                      {!mine && canTakeOver && (
                        <button
                          type="button"
                          className="button"
                          data-testid="takeover"
                          onClick={() => setTakeOver({ itemId: row.itemId, itemCode: row.itemCode ?? "", holder: row.inspectorName })}
                        >
                          {t("queue.takeOver")}
                        </button>
                      )}
                      {!mine && isManager && (
                        <button type="button" className="button button--danger" onClick={() => void release(row)}>
                          {t("queue.release")}
                        </button>
                      )}
                    </div>
                    {!mine && takeOver && takeOver.itemCode === row.itemCode && (
                      <TakeOverForm
                        className={styles.rowForm}
                        itemCode={takeOver.itemCode}
                        holder={row.inspectorName}
                        busy={action.busy !== null}
                        onSubmit={(reason) => confirmTakeOver({ ...takeOver, itemId: row.itemId }, reason)}
                        onCancel={() => setTakeOver(null)}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
            {data.claimsTotal > claims.length && (
              <p className="muted" data-testid="claims-more">
                {t("queue.claimsMore", { count: data.claimsTotal - claims.length })}
              </p>
            )}
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
                  <QueueItemHeading item={row} />
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
                    onClick={() => void claim({ itemId: row.itemId }, "tap")}
                  >
                    {t("queue.inspect")}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {data.waitingTotal > waiting.length && (
          <p className="muted" data-testid="queue-more">
            {t("queue.waitingMore", { shown: waiting.length, count: data.waitingTotal - waiting.length })}
          </p>
        )}
      </section>
      <aside>
        <ScanPanel />
      </aside>
    </div>
  );
}

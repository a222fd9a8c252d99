"use client";

import { usePathname } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { ApiError } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { isSettled, needsSignIn, queueCounts, waitingOwners, type QueuedScan } from "@/lib/offline/queued-scan";
import { useOfflineQueue } from "./offline-queue-provider";
import { todoKey, useSummaryText } from "./queue-texts";

const stateClass: Record<QueuedScan["state"], string> = {
  pending: "alert--queued",
  sending: "alert--queued",
  retrying: "alert--warn",
  done: "alert--ok",
  refused: "alert--error",
};

/**
 * The scans kept on this device, each with its state: shown on every staff page while any wait or
 * were refused, or another person's wait for them (or when opened from the header), so the person
 * always sees what is pending.
 */
export function OfflineQueueList() {
  const t = useTranslations("offline");
  const format = useFormatter();
  const errorText = useErrorText();
  const summaryText = useSummaryText();
  const queue = useOfflineQueue();
  const pathname = usePathname();
  if (!queue) return null;
  const mine = queue.scans.filter((s) => s.userId === queue.user.id);
  const counts = queueCounts(queue.scans, queue.user.id);
  // Shown while anything waits here, someone else's scans included (they wait for their owner).
  if (!queue.listOpen && counts.waiting === 0 && counts.refused === 0 && counts.others === 0 && !(queue.sentLately && counts.done > 0)) return null;
  const reason = (scan: QueuedScan) => (scan.error ? errorText(new ApiError(scan.error.code, "", scan.error.status, scan.error.params)) : "");
  const time = (at: number) => format.dateTime(new Date(at), { hour: "2-digit", minute: "2-digit", second: "2-digit" });

  return (
    <section id="offline-queue" className="card stack offline-queue" data-testid="offline-queue" aria-labelledby="offline-queue-title">
      <div className="row">
        <h2 id="offline-queue-title">{t("list.title")}</h2>
        <span className="badge" data-testid="offline-queue-count">
          {t("status.queued", { count: counts.waiting })}
        </span>
        <span className="offline-queue__actions row">
          {queue.online && counts.waiting > 0 && (
            <button type="button" className="button" onClick={queue.replayNow} data-testid="offline-send-now">
              {t("list.sendNow")}
            </button>
          )}
          {counts.done > 0 && (
            <button type="button" className="button" onClick={() => void queue.remove(mine.filter((s) => s.state === "done").map((s) => s.scanId))}>
              {t("list.clearDone")}
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={() => queue.setListOpen(false)}>
            {t("list.hide")}
          </button>
        </span>
      </div>
      <p className="muted">{queue.online ? t("list.introOnline") : t("list.introOffline")}</p>
      {needsSignIn(queue.scans, queue.user.id) && (
        <div className="alert alert--warn row" role="alert" data-testid="offline-sign-in">
          <span>{t("list.signInAgain", { count: counts.waiting, name: queue.user.name })}</span>
          {/* A full page load: the sign-in page, then back to this station, where the queue replays as its owner. */}
          <a className="button button--primary" href={`/login?next=${encodeURIComponent(pathname)}`} data-testid="offline-sign-in-link">
            {t("list.signIn")}
          </a>
        </div>
      )}
      {counts.others > 0 && (
        <p className="muted" data-testid="offline-others">
          {t("list.others", { count: counts.others, names: waitingOwners(queue.scans, queue.user.id).join(", ") })}
        </p>
      )}
      {mine.length === 0 ? (
        <p className="muted">{t("list.empty")}</p>
      ) : (
        <ol className="offline-queue__list" data-testid="offline-queue-list">
          {mine.map((scan) => (
            <li key={scan.scanId} className={`alert ${stateClass[scan.state]} offline-queue__item`} data-testid="offline-queue-item" data-state={scan.state} data-scan-id={scan.scanId}>
              <div className="offline-queue__line">
                <strong>{summaryText(scan.summary)}</strong>
                <span className="badge" data-testid="offline-item-state">
                  {t(`states.${scan.state}`)}
                </span>
              </div>
              <div className="offline-queue__meta muted">
                {t("list.queuedAt", { time: time(scan.queuedAt) })}
                {scan.attempts > 0 && ` · ${t("list.attempts", { count: scan.attempts })}`}
                {scan.state === "retrying" && ` · ${t("list.nextTry", { time: time(scan.nextAttemptAt) })}`}
              </div>
              {scan.state === "retrying" && scan.error && <div>{reason(scan)}</div>}
              {scan.state === "refused" && (
                <div className="stack offline-queue__refusal">
                  <span data-testid="offline-refusal">{reason(scan)}</span>
                  <span>{t(`todo.${todoKey(scan.error)}`)}</span>
                </div>
              )}
              {(scan.state === "refused" || (!isSettled(scan) && scan.state !== "sending" && scan.attempts > 0)) && (
                <button type="button" className="button" onClick={() => void queue.remove([scan.scanId])} data-testid="offline-remove">
                  {scan.state === "refused" ? t("list.dismiss") : t("list.giveUp")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { queueCounts } from "@/lib/offline/queued-scan";
import { useOfflineQueue } from "./offline-queue-provider";

/**
 * The header's pill: online or offline, and how many of the user's scans wait on this device
 * (always shown on staff pages, 0 included; at tablet width "nothing queued" is left to screen
 * readers, so the header's controls fit one row). Opens the queue list.
 */
export function OfflineStatus() {
  const t = useTranslations("offline.status");
  const queue = useOfflineQueue();
  if (!queue) return null;
  const counts = queueCounts(queue.scans, queue.user.id);
  const sending = queue.scans.some((s) => s.userId === queue.user.id && s.state === "sending");
  const mode = !queue.online ? "offline" : sending ? "sending" : "online";
  return (
    <button
      type="button"
      className={`offline-status offline-status--${mode}${counts.waiting > 0 ? " offline-status--waiting" : ""}`}
      onClick={() => queue.setListOpen(!queue.listOpen)}
      aria-expanded={queue.listOpen}
      aria-controls="offline-queue"
      data-testid="offline-status"
      data-mode={mode}
      data-waiting={counts.waiting}
    >
      <span className="offline-status__dot" aria-hidden="true" />
      <span>{t(mode)}</span>
      <span className={`offline-status__count${counts.waiting === 0 ? " offline-status__count--none" : ""}`} data-testid="offline-waiting">
        {t("queued", { count: counts.waiting })}
      </span>
      {counts.refused > 0 && <span className="offline-status__refused">{t("refused", { count: counts.refused })}</span>}
    </button>
  );
}

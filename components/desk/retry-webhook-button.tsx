"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/station/action-button";

/** "Retry now" on a failing webhook: the relay's back-off is cut short (see retryWebhookNow). */
export function RetryWebhookButton({ clientId }: { clientId: string }) {
  const t = useTranslations("desk.exceptions");
  return (
    <ActionButton<{ retried: boolean; attempts: number }>
      intent={`webhook-retry:${clientId}`}
      url={`/api/station/admin/api-clients/${clientId}/webhook/retry`}
      label={t("retryNow")}
      testId="retry-webhook"
      answer={(r) => ({ tone: r.retried ? "success" : "warning", message: r.retried ? t("retryQueued", { attempts: r.attempts }) : t("retryNothing") })}
    />
  );
}

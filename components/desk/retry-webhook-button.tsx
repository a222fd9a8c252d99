"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

/** "Retry now" on a failing webhook: the relay's back-off is cut short (see retryWebhookNow). */
export function RetryWebhookButton({ clientId }: { clientId: string }) {
  const t = useTranslations("desk.exceptions");
  const router = useRouter();
  const action = useStationAction();
  return (
    <div className="row">
      <button
        type="button"
        className="button"
        data-testid="retry-webhook"
        disabled={action.busy !== null}
        onClick={async () => {
          const done = await action.run(
            `webhook-retry:${clientId}`,
            (scanId) => apiFetch<{ retried: boolean; attempts: number }>(`/api/station/admin/api-clients/${clientId}/webhook/retry`, { body: {}, scanId }),
            { answer: (r) => ({ tone: r.retried ? "success" : "warning", message: r.retried ? t("retryQueued", { attempts: r.attempts }) : t("retryNothing") }) },
          );
          if (done) router.refresh();
        }}
      >
        {t("retryNow")}
      </button>
      <ActionAnswer answer={action.answer} />
    </div>
  );
}

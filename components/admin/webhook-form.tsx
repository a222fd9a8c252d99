"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAdminCall } from "./use-admin-call";

/** Changes (or removes) an API client's webhook; the new signing secret is shown once. */
export function WebhookForm({ clientId, current }: { clientId: string; current: string | null }) {
  const t = useTranslations("admin.webhook");
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [secretLost, setSecretLost] = useState(false);
  const { call, pending, error } = useAdminCall();
  return (
    <div className="stack" style={{ gap: "0.4rem" }}>
      <span>{current ?? "—"}</span>
      {!open ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t("change")}
        </button>
      ) : (
        <form
          className="row"
          onSubmit={async (event) => {
            event.preventDefault();
            const webhookUrl = String(new FormData(event.currentTarget).get("webhookUrl") ?? "");
            const answer = await call<{ webhookSecret: string | null; secretLost?: boolean }>(`/api/station/admin/api-clients/${clientId}/webhook`, { body: { webhookUrl } });
            if (answer) {
              setSecret(answer.webhookSecret);
              setSecretLost(answer.secretLost === true);
              setOpen(false);
            }
          }}
        >
          <input name="webhookUrl" type="url" defaultValue={current ?? ""} placeholder={t("remove")} aria-label={t("change")} />
          <button type="submit" className="button button--primary" disabled={pending}>
            {t("save")}
          </button>
        </form>
      )}
      {secret && (
        <p className="alert alert--ok">
          {t("newSecret")} <code>{secret}</code>
        </p>
      )}
      {secretLost && (
        <p className="alert alert--warn" data-testid="webhook-secret-lost">
          {t("secretLost")}
        </p>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

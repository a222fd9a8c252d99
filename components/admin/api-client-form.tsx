"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

type Created = { id: string; name: string; token: string | null; webhookSecret: string | null; secretsLost?: boolean };

/** Creates a client and shows its token (and webhook secret) once; they cannot be read again. */
export function ApiClientForm() {
  const t = useTranslations("admin.apiClients");
  const router = useRouter();
  const action = useStationAction();
  const [created, setCreated] = useState<Created | null>(null);

  async function onSubmit(form: HTMLFormElement) {
    const data = new FormData(form);
    const body = { name: String(data.get("name") ?? ""), webhookUrl: String(data.get("webhookUrl") ?? "") };
    // The same form contents again (a retry after a lost answer) is the same intent: one client.
    const answer = await action.run(`create:${JSON.stringify(body)}`, (scanId) => apiFetch<Created>("/api/station/admin/api-clients", { body, scanId }));
    if (!answer) return;
    setCreated(answer);
    form.reset();
    router.refresh();
  }

  return (
    <section className="card stack">
      <h2>{t("create")}</h2>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit(event.currentTarget);
        }}
      >
        <label className="field" style={{ flex: 1 }}>
          <span>{t("name")}</span>
          <input name="name" required maxLength={100} placeholder="Marketplace production" />
        </label>
        <label className="field" style={{ flex: 2 }}>
          <span>{t("webhookOptional")}</span>
          <input name="webhookUrl" type="url" placeholder="https://marketplace.example/legit-events" />
        </label>
        <button type="submit" className="button button--primary" disabled={action.busy !== null} style={{ alignSelf: "flex-end" }}>
          {t("createButton")}
        </button>
      </form>
      <ActionAnswer answer={action.answer} />
      {created &&
        (created.token ? (
          <div className="alert alert--ok" data-testid="new-token">
            <p>{t("shownOnce", { name: created.name })}</p>
            <p>
              <code data-testid="token-value">{created.token}</code>
            </p>
            {created.webhookSecret && (
              <p>
                {t("webhookSecret")} <code>{created.webhookSecret}</code>
              </p>
            )}
          </div>
        ) : (
          <p className="alert alert--warn" data-testid="token-lost">
            {t("tokenLost", { name: created.name })}
          </p>
        ))}
    </section>
  );
}

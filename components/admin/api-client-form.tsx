"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";

type Created = { id: string; name: string; token: string; webhookSecret: string | null };

/** Creates a client and shows its token (and webhook secret) once; they cannot be read again. */
export function ApiClientForm() {
  const t = useTranslations("admin.apiClients");
  const errorText = useErrorText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      const answer = await apiFetch<Created>("/api/station/admin/api-clients", {
        body: { name: String(data.get("name") ?? ""), webhookUrl: String(data.get("webhookUrl") ?? "") },
      });
      setCreated(answer);
      form.reset();
      router.refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
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
        <button type="submit" className="button button--primary" disabled={pending} style={{ alignSelf: "flex-end" }}>
          {t("createButton")}
        </button>
      </form>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {created && (
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
      )}
    </section>
  );
}

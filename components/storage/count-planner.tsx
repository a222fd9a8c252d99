"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";

type Scope = "bin" | "zone" | "stale";

/** The manager plans blind counts: one bin, a zone, or bins not counted for N days (plus flagged bins). */
export function CountPlanner() {
  const t = useTranslations("storage.counts");
  const errorText = useErrorText();
  const router = useRouter();
  const [scope, setScope] = useState<Scope>("stale");
  const [value, setValue] = useState("30");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const body = () => (scope === "bin" ? { scope, binCode: value } : scope === "zone" ? { scope, zoneCode: value } : { scope, days: value });

  return (
    <form
      className="card form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const r = await apiFetch<{ planned: number; alreadyOpen: number }>("/api/station/storage/counts/plan", { body: body() });
          setMessage({ ok: true, text: t("planned", { planned: r.planned, alreadyOpen: r.alreadyOpen }) });
          router.refresh();
        } catch (error) {
          setMessage({ ok: false, text: errorText(error) });
        }
      }}
    >
      <h2>{t("planTitle")}</h2>
      <div className="row">
        {(["bin", "zone", "stale"] as const).map((s) => (
          <label key={s} className="row">
            <input
              type="radio"
              name="scope"
              checked={scope === s}
              onChange={() => {
                setScope(s);
                setValue(s === "stale" ? "30" : "");
              }}
            />
            {t(`scope.${s}`)}
          </label>
        ))}
      </div>
      <label className="field">
        {t(`scopeValue.${scope}`)}
        <input value={value} onChange={(e) => setValue(scope === "stale" ? e.target.value : e.target.value.toUpperCase())} required />
      </label>
      <button type="submit" className="button button--primary">{t("plan")}</button>
      {message && <p className={`alert ${message.ok ? "alert--ok" : "alert--error"}`} role="status">{message.text}</p>}
    </form>
  );
}

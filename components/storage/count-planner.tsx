"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

type Scope = "bin" | "zone" | "stale";

/** The manager plans blind counts: one bin, a zone, or bins not counted for N days (plus flagged bins). */
export function CountPlanner() {
  const t = useTranslations("storage.counts");
  const router = useRouter();
  const [scope, setScope] = useState<Scope>("stale");
  const [value, setValue] = useState("30");
  const action = useStationAction();
  const body = () => (scope === "bin" ? { scope, binCode: value } : scope === "zone" ? { scope, zoneCode: value } : { scope, days: value });

  return (
    <form
      className="card form"
      onSubmit={(e) => {
        e.preventDefault();
        const plan = body();
        void action.run(`plan:${JSON.stringify(plan)}`, (scanId) => apiFetch<{ planned: number; alreadyOpen: number }>("/api/station/storage/counts/plan", { body: plan, scanId }), {
          answer: (r) => {
            router.refresh();
            return { tone: "success", message: t("planned", { planned: r.planned, alreadyOpen: r.alreadyOpen }) };
          },
        });
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
      <button type="submit" className="button button--primary" disabled={action.busy !== null}>{t("plan")}</button>
      <ActionAnswer answer={action.answer} />
    </form>
  );
}

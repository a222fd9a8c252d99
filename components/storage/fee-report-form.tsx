"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Period picker for the fee report (local days of the center); the table and CSV follow the URL. */
export function FeeReportForm({ from, to }: { from: string; to: string }) {
  const t = useTranslations("storage.fees");
  const router = useRouter();
  const [f, setF] = useState(from);
  const [tt, setT] = useState(to);
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(`/storage/fees?from=${f}&to=${tt}`);
      }}
    >
      <label className="field">
        {t("from")}
        <input type="date" value={f} onChange={(e) => setF(e.target.value)} required />
      </label>
      <label className="field">
        {t("to")}
        <input type="date" value={tt} onChange={(e) => setT(e.target.value)} required />
      </label>
      <button type="submit" className="button button--primary">{t("show")}</button>
      <a className="button" href={`/api/station/storage/fees?from=${from}&to=${to}`} download>
        {t("csv")}
      </a>
    </form>
  );
}

"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import styles from "./inspection.module.css";
import { localLabel, type InspectionView } from "./types";

/** Where an inspection stands: status, verdict, reasons, note, reviewer — for read-only views. */
export function InspectionSummary({ view }: { view: InspectionView }) {
  const t = useTranslations("inspection");
  const format = useFormatter();
  const locale = useLocale();
  const { inspection } = view;
  const label = (code: string) => {
    const r = view.reasonCodes.find((x) => x.code === code);
    return r ? localLabel(locale, r) : code;
  };
  return (
    <section className="card stack" data-testid="inspection-summary">
      <div className="row">
        <h2>{t(`status.${inspection.status}`)}</h2>
        {inspection.verdict && <span className="badge">{t(`verdicts.${inspection.verdict}`)}</span>}
      </div>
      <dl className={styles.facts}>
        <dt className="muted">{t("summary.inspector")}</dt>
        <dd>
          {inspection.inspectorName}
          {inspection.submittedAt && ` · ${format.dateTime(new Date(inspection.submittedAt), "dateTime")}`}
          {inspection.durationMs !== null && ` · ${t("summary.duration", { minutes: Math.max(1, Math.round(inspection.durationMs / 60_000)) })}`}
        </dd>
        {inspection.reasonCodes.length > 0 && (
          <>
            <dt className="muted">{t("verdict.reasons")}</dt>
            <dd>{inspection.reasonCodes.map(label).join(", ")}</dd>
          </>
        )}
        {inspection.note && (
          <>
            <dt className="muted">{t("verdict.note")}</dt>
            <dd>{inspection.note}</dd>
          </>
        )}
        {inspection.reviewerName && (
          <>
            <dt className="muted">{t("summary.reviewer")}</dt>
            <dd>
              {inspection.reviewerName} · {inspection.reviewVerdict ? t(`verdicts.${inspection.reviewVerdict}`) : ""}
              {inspection.reviewNote ? ` — ${inspection.reviewNote}` : ""}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

"use client";

import { useLocale, useTranslations } from "next-intl";
import styles from "./inspection.module.css";
import { localLabel, type InspectionView, type Verdict } from "./types";

export type VerdictChoice = { verdict: Verdict | null; reasonCodes: string[]; note: string };

/** Verdict buttons, the reason codes that can justify the chosen one, and a note. */
export function VerdictPicker({
  view,
  value,
  onChange,
  exclude = [],
  showReviewHints = true,
}: {
  view: InspectionView;
  value: VerdictChoice;
  onChange: (value: VerdictChoice) => void;
  exclude?: Verdict[];
  showReviewHints?: boolean;
}) {
  const t = useTranslations("inspection");
  const locale = useLocale();
  const options = view.verdictOptions.filter((o) => !exclude.includes(o.verdict));
  const chosen = view.verdictOptions.find((o) => o.verdict === value.verdict) ?? null;
  const reasons = chosen ? view.reasonCodes.filter((r) => chosen.reasonCodes.includes(r.code)) : [];

  return (
    <div className="stack">
      <div className={styles.verdictGrid} role="radiogroup" aria-label={t("verdict.choose")}>
        {options.map((o) => (
          <button
            key={o.verdict}
            type="button"
            role="radio"
            aria-checked={value.verdict === o.verdict}
            data-verdict={o.verdict}
            className={`${styles.verdictButton} ${o.verdict.startsWith("fail") ? styles.verdictFail : o.verdict === "pass" ? styles.verdictPass : styles.verdictMinor} ${value.verdict === o.verdict ? styles.verdictChosen : ""}`}
            onClick={() =>
              onChange({ ...value, verdict: o.verdict, reasonCodes: value.reasonCodes.filter((c) => o.reasonCodes.includes(c)) })
            }
          >
            {t(`verdicts.${o.verdict}`)}
            {showReviewHints && o.reviewReason && (
              <small className={styles.verdictHint}>{t(o.reviewReason === "counterfeit" ? "verdict.seniorLook" : "verdict.secondLook")}</small>
            )}
          </button>
        ))}
      </div>
      {chosen && chosen.needsReason && (
        <fieldset className={styles.reasons}>
          <legend>{t("verdict.reasons")}</legend>
          {reasons.length === 0 && <p className="muted">{t("verdict.noReasons")}</p>}
          {reasons.map((r) => {
            const on = value.reasonCodes.includes(r.code);
            return (
              <label key={r.code} className={`${styles.reason} ${on ? styles.reasonOn : ""}`}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() =>
                    onChange({ ...value, reasonCodes: on ? value.reasonCodes.filter((c) => c !== r.code) : [...value.reasonCodes, r.code] })
                  }
                />
                <span>{localLabel(locale, r)}</span>
                <code className="muted">{r.code}</code>
              </label>
            );
          })}
        </fieldset>
      )}
      {chosen && (
        <label className="field">
          {t("verdict.note")}
          <textarea value={value.note} maxLength={1000} onChange={(e) => onChange({ ...value, note: e.target.value })} />
        </label>
      )}
    </div>
  );
}

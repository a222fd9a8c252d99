"use client";

import { useTranslations } from "next-intl";
import { useProductName } from "@/components/i18n/use-product-name";
import type { UnitView } from "@/lib/receiving/wire-types";
import styles from "./receiving.module.css";

/** Asked before a parcel with units not yet confirmed is closed: which ones would be recorded missing. */
export function ClosePrompt({ units, busy, onConfirm, onCancel }: { units: UnitView[]; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslations("receiving");
  const names = useProductName();
  return (
    <section className={`card ${styles.panel} ${styles.unmatched}`} data-testid="close-prompt" role="alertdialog" aria-labelledby="close-prompt-title">
      <h2 id="close-prompt-title">{t("closePrompt.title", { count: units.length })}</h2>
      <p>{t("closePrompt.body")}</p>
      <ul className={styles.missing} data-testid="close-prompt-units">
        {units.map((u) => (
          <li key={u.itemId}>
            <strong>{names.name(u)}</strong> · {t("size", { size: u.size })} · <span className="muted">{u.sku}</span>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" className="button button--danger button--large" disabled={busy} onClick={onConfirm} data-testid="close-confirm">
          {t("closePrompt.confirm")}
        </button>
        <button type="button" className="button button--primary button--large" onClick={onCancel} data-testid="close-cancel">
          {t("closePrompt.cancel")}
        </button>
      </div>
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useProductName } from "@/components/i18n/use-product-name";
import type { CloseParcelAnswer } from "@/lib/receiving/wire-types";
import styles from "./receiving.module.css";

/** What closing the parcel found: all there, or which announced units did not come. */
export function CloseResult({ result }: { result: CloseParcelAnswer }) {
  const t = useTranslations("receiving");
  const names = useProductName();
  return (
    <section className={`card ${styles.panel}`} data-testid="close-result">
      <h2>
        {t("closeResult.title")} · {t("closeResult.received", { count: result.received })}
      </h2>
      {result.missing.length === 0 ? (
        <p className="alert alert--ok">{t("closeResult.complete")}</p>
      ) : (
        <>
          <p className="alert alert--warn">{t("closeResult.missing")}</p>
          <ul className={styles.missing} data-testid="missing-units">
            {result.missing.map((u) => (
              <li key={u.itemId}>
                <strong>{names.name(u)}</strong> · {t("size", { size: u.size })} · <span className="muted">{u.sku}</span> ·{" "}
                {t("order", { externalId: u.orderExternalId })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import styles from "./desk.module.css";

/** One box for item code, tracking number, order id, seller, product name or SKU. */
export function SearchBox({ initial }: { initial?: string }) {
  const t = useTranslations("desk.search");
  return (
    <form action="/search" method="get" role="search" className={styles.searchForm}>
      <input
        type="search"
        name="q"
        defaultValue={initial}
        placeholder={t("placeholder")}
        aria-label={t("label")}
        className={styles.searchInput}
        minLength={2}
        maxLength={100}
        required
        data-testid="desk-search"
      />
      <button type="submit" className="button button--primary">
        {t("submit")}
      </button>
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/components/http/api-fetch";
import { useState } from "react";
import type { OrderView } from "@/lib/receiving/wire-types";
import styles from "./receiving.module.css";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useProductName } from "@/components/i18n/use-product-name";

/** Look an order up by what is written on a parcel without a usable tracking number. */
export function OrderSearch({ busy, onAttach }: { busy: boolean; onAttach: (order: OrderView) => void }) {
  const t = useTranslations("receiving");
  const errorText = useErrorText();
  const names = useProductName();
  const [query, setQuery] = useState("");
  // A search changes nothing: a plain React Query mutation (not a station action, no scan id).
  const search = useMutation({ mutationFn: (q: string) => apiFetch<{ orders: OrderView[] }>("/api/station/receiving/orders/search", { body: { query: q } }) });
  const orders = search.data?.orders ?? null;
  return (
    <div className={styles.search} data-testid="order-search">
      <form
        className={styles.searchForm}
        onSubmit={(event) => {
          event.preventDefault();
          search.mutate(query);
        }}
      >
        <label className="field">
          {t("search.label")}
          <input name="query" value={query} onChange={(e) => setQuery(e.target.value)} minLength={2} required />
        </label>
        <button type="submit" className="button button--primary" disabled={search.isPending}>
          {t("search.submit")}
        </button>
      </form>
      {search.isError && <p className="alert alert--error" role="alert">{errorText(search.error)}</p>}
      {orders && orders.length === 0 && <p className="alert alert--warn">{t("search.none")}</p>}
      {orders && orders.length > 0 && (
        <ul className={styles.searchResults}>
          {orders.map((order) => (
            <li key={order.id} data-testid="search-result">
              <div>
                <strong>{order.externalId}</strong> · {order.seller.name}
                <div className="muted">
                  {order.units.map((u) => `${names.name(u)} ${u.size}`).join(", ")} · {t("search.units", { count: order.counts.toReceive })}
                </div>
              </div>
              <button type="button" className="button button--ok" disabled={busy} onClick={() => onAttach(order)}>
                {t("search.attach")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

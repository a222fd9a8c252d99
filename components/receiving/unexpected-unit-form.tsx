"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { OrderView } from "@/lib/receiving/wire-types";
import styles from "./receiving.module.css";

export type UnexpectedUnitInput = { orderId?: string; sku?: string; productName: string; size: string; note: string };

/** Describe an extra or different unit found in the box; it is recorded, labelled and flagged. */
export function UnexpectedUnitForm({
  orders,
  busy,
  onSubmit,
  onCancel,
}: {
  orders: OrderView[];
  busy: boolean;
  onSubmit: (input: UnexpectedUnitInput) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("receiving");
  const real = orders.filter((o) => !o.placeholder);
  const [orderId, setOrderId] = useState(real[0]?.id ?? "");
  const [sku, setSku] = useState("");
  const [productName, setProductName] = useState("");
  const [size, setSize] = useState("");
  const [note, setNote] = useState("");
  return (
    <form
      className={`card form ${styles.panel}`}
      data-testid="unexpected-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit({ orderId: orderId || undefined, sku: sku.trim() || undefined, productName, size, note });
      }}
    >
      <h2>{t("unexpectedForm.title")}</h2>
      {real.length > 1 && (
        <label className="field">
          {t("unexpectedForm.order")}
          <select value={orderId} onChange={(e) => setOrderId(e.target.value)}>
            {real.map((o) => (
              <option key={o.id} value={o.id}>
                {o.externalId}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className={styles.formRow}>
        <label className="field">
          {t("unexpectedForm.productName")}
          <input name="productName" required value={productName} onChange={(e) => setProductName(e.target.value)} />
        </label>
        <label className="field">
          {t("unexpectedForm.size")}
          <input name="size" required value={size} onChange={(e) => setSize(e.target.value)} />
        </label>
        <label className="field">
          {t("unexpectedForm.sku")}
          <input name="sku" value={sku} onChange={(e) => setSku(e.target.value)} />
        </label>
      </div>
      <label className="field">
        {t("unexpectedForm.note")}
        <textarea name="note" required placeholder={t("unexpectedForm.notePlaceholder")} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("unexpectedForm.submit")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("actions.cancel")}
        </button>
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/components/http/api-fetch";
import styles from "./receiving.module.css";
import { useErrorText } from "@/components/i18n/use-error-text";

/** A manager settles an unmatched parcel: link it to its order, or return it to the sender. */
export function ResolveParcelForm({ parcelId }: { parcelId: string }) {
  const t = useTranslations("receiving");
  const errorText = useErrorText();
  const router = useRouter();
  const [orderExternalId, setOrderExternalId] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  async function resolve(link: boolean) {
    setBusy(true);
    try {
      await apiFetch("/api/station/receiving/parcels/resolve", {
        body: { parcelId, note, ...(link ? { orderExternalId: orderExternalId.trim() } : {}) },
      });
      setResult({ ok: true, message: link ? t("unmatched.linked") : t("unmatched.returned") });
      router.refresh();
    } catch (error) {
      setResult({ ok: false, message: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.resolveForm} onSubmit={(event) => event.preventDefault()} data-testid="resolve-form">
      <label className="field">
        {t("unmatched.orderId")}
        <input name="orderExternalId" value={orderExternalId} onChange={(e) => setOrderExternalId(e.target.value)} />
      </label>
      <label className="field">
        {t("unmatched.resolution")}
        <input name="resolution" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="button" className="button button--ok" disabled={busy || !note.trim() || !orderExternalId.trim()} onClick={() => resolve(true)}>
        {t("unmatched.link")}
      </button>
      <button type="button" className="button button--danger" disabled={busy || !note.trim()} onClick={() => resolve(false)}>
        {t("unmatched.return")}
      </button>
      {result && <p className={`alert ${result.ok ? "alert--ok" : "alert--error"}`}>{result.message}</p>}
    </form>
  );
}

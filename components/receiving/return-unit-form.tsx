"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiFetch, ApiError } from "@/components/http/api-fetch";
import styles from "./receiving.module.css";
import { useErrorText } from "@/components/i18n/use-error-text";

/** A manager sends an unexpected unit back to its seller, with a note for the record. */
export function ReturnUnitForm({ itemId, code }: { itemId: string; code: string }) {
  const t = useTranslations("receiving");
  const errorText = useErrorText();
  const router = useRouter();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <form
      className={styles.returnForm}
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        try {
          await apiFetch("/api/station/receiving/units/return", { body: { itemId, note } });
          setResult({ ok: true, message: t("unexpected.returned", { code }) });
          router.refresh();
        } catch (error) {
          setResult({ ok: false, message: errorText(error) });
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="field">
        {t("unexpected.note")}
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="button button--danger" disabled={busy || !note.trim()}>
        {t("unexpected.return")}
      </button>
      {result && <p className={`alert ${result.ok ? "alert--ok" : "alert--error"}`}>{result.message}</p>}
    </form>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { OrderSearch } from "./order-search";
import { ParcelPhotoInput } from "./parcel-photo-input";
import type { OrderView, ParcelView } from "@/lib/receiving/wire-types";
import styles from "./receiving.module.css";

/** A parcel with no order: find the order, or describe it and leave it for a manager. */
export function UnmatchedPanel({
  parcel,
  busy,
  uploading,
  onAttach,
  onNote,
  onPhoto,
}: {
  parcel: ParcelView;
  busy: boolean;
  uploading: boolean;
  onAttach: (order: OrderView) => void;
  onNote: (note: string) => void;
  onPhoto: (file: File) => void;
}) {
  const t = useTranslations("receiving");
  const [note, setNote] = useState(parcel.note ?? "");
  return (
    <section className={`card ${styles.panel} ${styles.unmatched}`} data-testid="unmatched-panel">
      <h2>{t("unmatchedForm.title")}</h2>
      <p className="muted">{t("unmatchedForm.explain")}</p>
      <div className={styles.unmatchedBody}>
        <OrderSearch busy={busy} onAttach={onAttach} />
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            onNote(note);
          }}
        >
          <label className="field">
            {t("unmatchedForm.note")}
            <textarea name="note" required placeholder={t("unmatchedForm.notePlaceholder")} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="button button--primary" disabled={busy || note.trim() === ""}>
            {t("unmatchedForm.submit")}
          </button>
          {parcel.note && <p className="alert alert--ok">{t("unmatchedForm.saved")}</p>}
        </form>
        <ParcelPhotoInput parcel={parcel} uploading={uploading} disabled={busy} onPhoto={onPhoto} />
      </div>
    </section>
  );
}

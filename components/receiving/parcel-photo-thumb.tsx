"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { parcelPhotoUrl } from "./parcel-photo";
import type { ParcelView } from "@/lib/receiving/wire-types";
import styles from "./receiving.module.css";

/** The manager's look at an unmatched parcel's photo: a thumbnail that opens the photo large. */
export function ParcelPhotoThumb({ parcel }: { parcel: Pick<ParcelView, "id" | "photoKey" | "trackingNumber"> }) {
  const t = useTranslations("receiving");
  const dialog = useRef<HTMLDialogElement>(null);
  const src = parcelPhotoUrl(parcel);
  if (!src) return <div className={styles.photoNone}>{t("unmatched.noPhoto")}</div>;
  const alt = t("unmatchedForm.photoAlt", { tracking: parcel.trackingNumber });
  return (
    <>
      <button type="button" className={styles.photoButton} onClick={() => dialog.current?.showModal()} aria-label={t("unmatched.openPhoto")}>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={src} alt={alt} className={styles.photoThumb} data-testid="unmatched-photo" />
      </button>
      {/* A click anywhere (or Escape) closes the large view. */}
      <dialog ref={dialog} className={styles.photoDialog} onClick={() => dialog.current?.close()} data-testid="unmatched-photo-large">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={src} alt={alt} />
        <p className="muted">{t("unmatched.closePhoto")}</p>
      </dialog>
    </>
  );
}

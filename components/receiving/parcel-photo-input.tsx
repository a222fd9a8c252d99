"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { parcelPhotoUrl } from "./parcel-photo";
import type { ParcelView } from "@/lib/receiving/wire-types";
import styles from "./receiving.module.css";

/** The tablet's camera through a file input; the chosen photo goes to the station, the saved one shows as a thumbnail. */
export function ParcelPhotoInput({ parcel, uploading, disabled, onPhoto }: { parcel: ParcelView; uploading: boolean; disabled: boolean; onPhoto: (file: File) => void }) {
  const t = useTranslations("receiving");
  const input = useRef<HTMLInputElement>(null);
  const src = parcelPhotoUrl(parcel);
  return (
    <div className={styles.photoField} data-testid="parcel-photo">
      <span>{t("unmatchedForm.photo")}</span>
      <div className={styles.photoRow}>
        {src && (
          <a href={src} target="_blank" rel="noreferrer" className={styles.photoLink}>
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={src} alt={t("unmatchedForm.photoAlt", { tracking: parcel.trackingNumber })} className={styles.photoThumb} data-testid="parcel-photo-thumb" />
          </a>
        )}
        <label className={`button ${styles.cameraButton} ${disabled ? styles.cameraDisabled : ""}`} aria-disabled={disabled}>
          {uploading ? t("unmatchedForm.photoUploading") : src ? t("unmatchedForm.photoRetake") : t("unmatchedForm.photoTake")}
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            disabled={disabled}
            data-testid="parcel-photo-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (input.current) input.current.value = "";
              if (file) onPhoto(file);
            }}
          />
        </label>
      </div>
    </div>
  );
}

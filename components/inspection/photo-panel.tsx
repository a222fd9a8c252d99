"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import styles from "./inspection.module.css";
import { resizePhoto } from "./resize-photo";
import type { PhotoSummary } from "./types";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

/** Uploads one evidence photo as multipart form data. */
async function uploadPhoto(inspectionId: string, blob: Blob, scanId: string): Promise<PhotoSummary> {
  const form = new FormData();
  form.set("inspectionId", inspectionId);
  form.set("photo", blob, blob.type === "image/jpeg" ? "photo.jpg" : "photo");
  const data = await apiFetch<{ photo: PhotoSummary }>("/api/station/inspection/photos", { body: form, scanId });
  return data.photo as PhotoSummary;
}

/** Evidence photos: the tablet's camera through a file input, shrunk in the browser, then uploaded. */
export function PhotoPanel({
  inspectionId,
  photos,
  onAdded,
  canAdd,
}: {
  inspectionId: string;
  photos: PhotoSummary[];
  onAdded: (photo: PhotoSummary) => void;
  canAdd: boolean;
}) {
  const t = useTranslations("inspection");
  const input = useRef<HTMLInputElement>(null);
  // One intent per chosen file: a retry of the same file (lost answer) adds no second photo.
  const action = useStationAction();

  async function onFiles(files: FileList | null) {
    if (!files) return;
    const list = Array.from(files);
    if (input.current) input.current.value = "";
    for (const file of list) {
      const intent = `photo:${inspectionId}:${file.name}:${file.size}:${file.lastModified}`;
      const photo = await action.run(intent, async (scanId) => uploadPhoto(inspectionId, await resizePhoto(file), scanId));
      if (photo) onAdded(photo);
    }
  }

  return (
    <section className="card stack" data-testid="photos">
      <div className="row">
        <h2>{t("photos.title")}</h2>
        <span className="badge" data-testid="photo-count">
          {t("photos.count", { count: photos.length })}
        </span>
        {action.busy && <span className="muted">{t("photos.uploading")}</span>}
      </div>
      <ActionAnswer answer={action.answer} />
      {canAdd && (
        <label className={`button button--large ${styles.cameraButton}`}>
          {t("photos.take")}
          <input
            ref={input}
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            className="visually-hidden"
            data-testid="photo-input"
            onChange={(e) => void onFiles(e.target.files)}
          />
        </label>
      )}
      {photos.length === 0 ? (
        <p className="muted">{t("photos.none")}</p>
      ) : (
        <ul className={styles.thumbs}>
          {photos.map((photo) => (
            <li key={photo.id}>
              <a href={`/api/station/inspection/photos/${photo.id}`} target="_blank" rel="noreferrer">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={`/api/station/inspection/photos/${photo.id}`} alt={photo.caption ?? t("photos.alt")} className={styles.thumb} data-testid="photo-thumb" />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

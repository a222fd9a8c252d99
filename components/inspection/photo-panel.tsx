"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useQueuedCount } from "@/components/offline/use-queued-count";
import styles from "./inspection.module.css";
import { resizePhoto } from "./resize-photo";
import type { PhotoSummary } from "./types";
import { ActionAnswer } from "@/components/station/action-answer";
import { useStationAction } from "@/components/station/use-station-action";

const photosUrl = "/api/station/inspection/photos";

/** Uploads one evidence photo as multipart form data. */
async function uploadPhoto(inspectionId: string, blob: Blob, scanId: string): Promise<PhotoSummary> {
  const form = new FormData();
  form.set("inspectionId", inspectionId);
  form.set("photo", blob, fileNameOf(blob));
  const data = await apiFetch<{ photo: PhotoSummary }>(photosUrl, { body: form, scanId });
  return data.photo as PhotoSummary;
}

function fileNameOf(blob: Blob): string {
  return blob.type === "image/jpeg" ? "photo.jpg" : "photo";
}

/** The intents of this inspection's photos: the queue's photos of it count towards the verdict. */
const photoIntentPrefix = (inspectionId: string) => `photo:${inspectionId}:`;

/** How many photos of the inspection wait in the device's offline queue (sent before the verdict behind them). */
export function useQueuedPhotoCount(inspectionId: string): number {
  return useQueuedCount((scan) => scan.intent.startsWith(photoIntentPrefix(inspectionId)));
}

/** Evidence photos: the tablet's camera through a file input, shrunk in the browser, then uploaded. */
export function PhotoPanel({
  inspectionId,
  photos,
  onAdded,
  canAdd,
  itemCode,
}: {
  inspectionId: string;
  /** The item's label code, for the photo's line in the offline queue. */
  itemCode: string;
  photos: PhotoSummary[];
  onAdded: (photo: PhotoSummary) => void;
  canAdd: boolean;
}) {
  const t = useTranslations("inspection");
  const input = useRef<HTMLInputElement>(null);
  // One intent per chosen file: a retry of the same file (lost answer) adds no second photo.
  const action = useStationAction();
  const queued = useQueuedPhotoCount(inspectionId);

  async function onFiles(files: FileList | null) {
    if (!files) return;
    const list = Array.from(files);
    if (input.current) input.current.value = "";
    for (const file of list) {
      const intent = `${photoIntentPrefix(inspectionId)}${file.name}:${file.size}:${file.lastModified}`;
      const blob = await resizePhoto(file);
      // Offline, the photo itself waits in the device's queue (IndexedDB), to be uploaded before
      // the verdict queued after it; the added photo shows when it is sent (`answer`).
      await action.run(intent, (scanId) => uploadPhoto(inspectionId, blob, scanId), {
        answer: (photo) => {
          onAdded(photo);
          return null;
        },
        offline: { url: photosUrl, body: { inspectionId }, file: { field: "photo", blob, name: fileNameOf(blob) }, summary: { key: "inspection.queued.photo", params: { code: itemCode } } },
      });
    }
  }

  return (
    <section className="card stack" data-testid="photos">
      <div className="row">
        <h2>{t("photos.title")}</h2>
        <span className="badge" data-testid="photo-count">
          {t("photos.count", { count: photos.length })}
        </span>
        {queued > 0 && (
          <span className="badge badge--queued" data-testid="photo-queued">
            {t("photos.queued", { count: queued })}
          </span>
        )}
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
      {photos.length === 0 && queued === 0 ? (
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

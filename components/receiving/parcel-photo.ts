import { ApiError } from "@/components/http/api-fetch";
import type { ParcelView } from "./types";

/** The parcel photo route, versioned by the photo's key so a retaken photo is never served stale from cache. */
export function parcelPhotoUrl(parcel: Pick<ParcelView, "id" | "photoKey">): string | null {
  if (!parcel.photoKey) return null;
  return `/api/station/receiving/parcels/${parcel.id}/photo?v=${encodeURIComponent(parcel.photoKey.slice(parcel.photoKey.lastIndexOf("/") + 1))}`;
}

/** Posts one photo as multipart form data (the JSON helper cannot send files); answers the updated parcel. */
export async function uploadParcelPhoto(parcelId: string, blob: Blob): Promise<ParcelView> {
  const form = new FormData();
  form.set("photo", blob, blob.type === "image/jpeg" ? "parcel.jpg" : "parcel");
  let response: Response;
  try {
    response = await fetch(`/api/station/receiving/parcels/${parcelId}/photo`, {
      method: "POST",
      body: form,
      headers: { "x-legit-station": window.localStorage.getItem("legit-station") ?? "web" },
    });
  } catch {
    throw new ApiError("network", "", 0);
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(data?.error?.code ?? "error", data?.error?.message ?? response.statusText, response.status);
  return data.parcel as ParcelView;
}

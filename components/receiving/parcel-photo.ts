import { apiFetch } from "@/components/http/api-fetch";
import type { ParcelView } from "@/lib/receiving/wire-types";

/** The parcel photo route, versioned by the photo's key so a retaken photo is never served stale from cache. */
export function parcelPhotoUrl(parcel: Pick<ParcelView, "id" | "photoKey">): string | null {
  if (!parcel.photoKey) return null;
  return `/api/station/receiving/parcels/${parcel.id}/photo?v=${encodeURIComponent(parcel.photoKey.slice(parcel.photoKey.lastIndexOf("/") + 1))}`;
}

/** Uploads one photo of an unmatched parcel; answers the updated parcel. */
export async function uploadParcelPhoto(parcelId: string, blob: Blob, scanId: string): Promise<ParcelView> {
  const form = new FormData();
  form.set("photo", blob, blob.type === "image/jpeg" ? "parcel.jpg" : "parcel");
  const data = await apiFetch<{ parcel: ParcelView }>(`/api/station/receiving/parcels/${parcelId}/photo`, { body: form, scanId });
  return data.parcel;
}

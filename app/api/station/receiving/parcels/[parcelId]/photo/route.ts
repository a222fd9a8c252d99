import { z } from "zod";
import { readPhotoUpload } from "@/lib/http/read-photo-upload";
import { staffFileRoute, staffRoute } from "@/lib/http/staff-route";
import { getPhotoStore } from "@/lib/photos/photo-store";
import { addUnmatchedParcelPhoto, getParcelPhoto } from "@/lib/receiving/parcel-photo";

/** A photo of an unmatched parcel as multipart form data (`photo`); the type is judged by the bytes. */
export const POST = staffRoute({ roles: ["operator"], upload: true, scan: "receiving.parcel_photo", params: z.object({ parcelId: z.uuid() }) }, async ({ db, ctx, params, request }) => {
  const { bytes } = await readPhotoUpload(request);
  const parcel = await addUnmatchedParcelPhoto(db, getPhotoStore(), ctx, { parcelId: params.parcelId, bytes });
  return { parcel };
});

/** The parcel's photo bytes, for thumbnails: an operator or manager, a parcel of the caller's center. */
export const GET = staffFileRoute({ roles: ["operator"], params: z.object({ parcelId: z.string() }) }, async ({ db, ctx, params }) => {
  const { bytes, contentType } = await getParcelPhoto(db, getPhotoStore(), ctx, params.parcelId);
  // The screens put the photo key in the URL, so a retaken photo is a new URL and caching is safe.
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": contentType, "cache-control": "private, max-age=86400", "x-content-type-options": "nosniff" },
  });
});

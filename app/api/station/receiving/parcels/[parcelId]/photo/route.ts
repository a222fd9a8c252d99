import { z } from "zod";
import { getDb } from "@/db/client";
import { toErrorResponse } from "@/lib/api/http/error-response";
import { requireStaff } from "@/lib/auth/current-staff";
import { readPhotoUpload } from "@/lib/http/read-photo-upload";
import { staffRoute } from "@/lib/http/staff-route";
import { getPhotoStore } from "@/lib/photos/photo-store";
import { addUnmatchedParcelPhoto, getParcelPhoto } from "@/lib/receiving/parcel-photo";

/** A photo of an unmatched parcel as multipart form data (`photo`); the type is judged by the bytes. */
export const POST = staffRoute({ roles: ["operator"], params: z.object({ parcelId: z.uuid() }) }, async ({ db, ctx, params, request }) => {
  const { bytes } = await readPhotoUpload(request);
  const parcel = await addUnmatchedParcelPhoto(db, getPhotoStore(), ctx, { parcelId: params.parcelId, bytes });
  return { parcel };
});

/**
 * The parcel's photo bytes, for thumbnails. Not staffRoute (that answers JSON): the same checks by
 * hand — signed in, an operator or manager, and a parcel of the caller's center.
 */
export async function GET(request: Request, context: { params: Promise<{ parcelId: string }> }): Promise<Response> {
  try {
    const staff = await requireStaff(["operator"]);
    const { parcelId } = await context.params;
    const { bytes, contentType } = await getParcelPhoto(await getDb(), getPhotoStore(), staff.ctx, parcelId);
    // The screens put the photo key in the URL, so a retaken photo is a new URL and caching is safe.
    return new Response(Buffer.from(bytes), {
      headers: { "content-type": contentType, "cache-control": "private, max-age=86400", "x-content-type-options": "nosniff" },
    });
  } catch (error) {
    return toErrorResponse(error, `GET ${new URL(request.url).pathname}`);
  }
}

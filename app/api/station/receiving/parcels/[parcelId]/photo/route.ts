import { z } from "zod";
import { getDb } from "@/db/client";
import { toErrorResponse } from "@/lib/api/http/error-response";
import { requireStaff } from "@/lib/auth/current-staff";
import { DomainError } from "@/lib/errors/domain-error";
import { staffRoute } from "@/lib/http/staff-route";
import { getPhotoStore } from "@/lib/photos/photo-store";
import { addUnmatchedParcelPhoto, getParcelPhoto, maxParcelPhotoBytes } from "@/lib/receiving/parcel-photo";

// Room for the multipart envelope around a photo at the limit.
const maxRequestBytes = maxParcelPhotoBytes + 64 * 1024;

/**
 * A photo of an unmatched parcel as multipart form data (`photo`). Oversized requests are refused
 * from their declared length before the body is read; the type is judged by the bytes.
 */
export const POST = staffRoute({ roles: ["operator"], params: z.object({ parcelId: z.uuid() }) }, async ({ db, ctx, params, request }) => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxRequestBytes) {
    throw new DomainError("too_large:photo", `The photo is ${(declared / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError("validation:photo", "Send the photo as multipart form data.");
  }
  const file = form.get("photo");
  if (!(file instanceof Blob)) throw new DomainError("validation:photo_required", "Choose or take a photo first.");
  if (file.size > maxParcelPhotoBytes) {
    throw new DomainError("too_large:photo", `The photo is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  }
  const parcel = await addUnmatchedParcelPhoto(db, getPhotoStore(), ctx, { parcelId: params.parcelId, bytes: new Uint8Array(await file.arrayBuffer()) });
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

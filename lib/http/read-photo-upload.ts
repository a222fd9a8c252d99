import { readBodyBytes } from "@/lib/http/read-body";
import { DomainError } from "@/lib/errors/domain-error";
import { maxPhotoBytes } from "@/lib/photos/check-photo";
import { refuseUnsafeText } from "./input-text";

// Room for the multipart envelope around a photo at the limit.
const maxRequestBytes = maxPhotoBytes + 64 * 1024;

const tooLarge = (bytes: number) =>
  new DomainError("too_large:photo", `The photo is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);

/**
 * Reads a photo upload (multipart form data with a `photo` file). The body is counted as it
 * arrives and refused as soon as it passes the limit (a chunked upload declares no length), so an
 * oversized upload is never read whole. Returns the photo's bytes, its declared type and the form,
 * for any other fields (whose text is checked like every other input).
 */
export async function readPhotoUpload(request: Request): Promise<{ bytes: Uint8Array<ArrayBuffer>; declaredType: string; form: FormData }> {
  const body = await readBodyBytes(request, maxRequestBytes, () => tooLarge(Number(request.headers.get("content-length")) || maxRequestBytes + 1));
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new DomainError("validation:photo", "Send the photo as multipart form data.");
  }
  const fields = [...form.entries()].filter(([, v]) => typeof v === "string");
  refuseUnsafeText(fields.flat(), "form");
  const file = form.get("photo");
  if (!(file instanceof Blob)) throw new DomainError("validation:photo_required", "Choose or take a photo first.");
  if (file.size > maxPhotoBytes) throw tooLarge(file.size);
  return { bytes: new Uint8Array(await file.arrayBuffer()), declaredType: file.type || "application/octet-stream", form };
}

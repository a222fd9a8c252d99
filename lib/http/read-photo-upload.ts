import { DomainError } from "@/lib/errors/domain-error";
import { maxPhotoBytes } from "@/lib/photos/check-photo";

// Room for the multipart envelope around a photo at the limit.
const maxRequestBytes = maxPhotoBytes + 64 * 1024;

const tooLarge = (bytes: number) =>
  new DomainError("too_large:photo", `The photo is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);

/**
 * Reads a photo upload (multipart form data with a `photo` file). Oversized requests are refused
 * from their declared length before the body is read. Returns the photo's bytes, its declared type
 * and the form, for any other fields.
 */
export async function readPhotoUpload(request: Request): Promise<{ bytes: Uint8Array<ArrayBuffer>; declaredType: string; form: FormData }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxRequestBytes) throw tooLarge(declared);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new DomainError("validation:photo", "Send the photo as multipart form data.");
  }
  const file = form.get("photo");
  if (!(file instanceof Blob)) throw new DomainError("validation:photo_required", "Choose or take a photo first.");
  if (file.size > maxPhotoBytes) throw tooLarge(file.size);
  return { bytes: new Uint8Array(await file.arrayBuffer()), declaredType: file.type || "application/octet-stream", form };
}

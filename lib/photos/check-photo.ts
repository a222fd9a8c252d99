import { DomainError } from "@/lib/errors/domain-error";
import { sniffImageType, type PhotoContentType } from "./image-type";

/** Largest photo accepted from a tablet (they are resized in the browser, so far below this). */
export const maxPhotoBytes = 10 * 1024 * 1024;

/** A photo's type by its bytes (whatever was declared): JPEG, PNG or WebP; else a refusal people can read. */
export function checkPhotoBytes(bytes: Uint8Array): PhotoContentType {
  if (bytes.byteLength === 0) throw new DomainError("validation:photo_empty", "The photo is empty; take it again.");
  if (bytes.byteLength > maxPhotoBytes) {
    throw new DomainError("too_large:photo", `The photo is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  }
  const type = sniffImageType(bytes);
  if (!type) throw new DomainError("validation:photo_type", "The file is not a readable JPEG, PNG or WebP image.");
  return type;
}

import { staffRoute } from "@/lib/http/staff-route";
import { DomainError } from "@/lib/errors/domain-error";
import { addPhoto, maxPhotoBytes } from "@/lib/inspection/inspection-photos";
import { getPhotoStore } from "@/lib/photos/photo-store";

// Room for the multipart envelope around a photo at the limit.
const maxRequestBytes = maxPhotoBytes + 64 * 1024;

/**
 * One photo as multipart form data (`inspectionId`, `photo`, optional `caption`). Oversized
 * requests are refused from their declared length before the body is read.
 */
export const POST = staffRoute({ roles: ["inspector"] }, async ({ db, ctx, request }) => {
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
  const inspectionId = form.get("inspectionId");
  if (!(file instanceof Blob)) throw new DomainError("validation:photo_required", "Choose or take a photo first.");
  if (typeof inspectionId !== "string") throw new DomainError("validation", "inspectionId: required.");
  if (file.size > maxPhotoBytes) {
    throw new DomainError("too_large:photo", `The photo is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB.`);
  }
  const caption = form.get("caption");
  const photo = await addPhoto(db, getPhotoStore(), ctx, {
    inspectionId,
    bytes: new Uint8Array(await file.arrayBuffer()),
    contentType: file.type || "application/octet-stream",
    caption: typeof caption === "string" ? caption : undefined,
  });
  return { photo: { id: photo.id, caption: photo.caption, contentType: photo.contentType, bytes: photo.bytes, createdAt: photo.createdAt } };
});

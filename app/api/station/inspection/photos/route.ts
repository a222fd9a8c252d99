import { staffRoute } from "@/lib/http/staff-route";
import { DomainError } from "@/lib/errors/domain-error";
import { readPhotoUpload } from "@/lib/http/read-photo-upload";
import { addPhoto } from "@/lib/inspection/inspection-photos";
import { getPhotoStore } from "@/lib/photos/photo-store";

/**
 * One photo as multipart form data (`inspectionId`, `photo`, optional `caption`).
 */
export const POST = staffRoute({ roles: ["inspector"], upload: true, scan: "inspection.photo" }, async ({ db, ctx, request }) => {
  const { bytes, declaredType, form } = await readPhotoUpload(request);
  const inspectionId = form.get("inspectionId");
  if (typeof inspectionId !== "string") throw new DomainError("validation", "inspectionId: required.");
  const caption = form.get("caption");
  const photo = await addPhoto(db, getPhotoStore(), ctx, {
    inspectionId,
    bytes,
    contentType: declaredType,
    caption: typeof caption === "string" ? caption : undefined,
  });
  return { photo: { id: photo.id, caption: photo.caption, contentType: photo.contentType, bytes: photo.bytes, createdAt: photo.createdAt } };
});

import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { inspectionPhotos, inspections, type Inspection, type InspectionPhoto, type Item } from "@/db/schema";
import { hasRole, type StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { recordItemEvent, staffActor } from "@/lib/items/apply-transition";
import { checkPhotoBytes } from "@/lib/photos/check-photo";
import { extensionFor, normaliseContentType, photoContentTypes, type PhotoContentType } from "@/lib/photos/image-type";
import { storeThenRecord, type PhotoStore, type StoredPhoto } from "@/lib/photos/photo-store";
import { parseInput, requireInspector } from "./guards";
import { lockInspectionAndItem, requireOpenClaim } from "./lock-inspection";

export { maxPhotoBytes } from "@/lib/photos/check-photo";

export const addPhotoSchema = z.object({
  inspectionId: z.uuid(),
  bytes: z.instanceof(Uint8Array),
  contentType: z.string(),
  caption: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((c) => c || null),
});
export type AddPhotoInput = z.input<typeof addPhotoSchema>;

/**
 * The claiming inspector adds evidence while the inspection is open; while it awaits review,
 * the reviewer (any other inspector) may add more.
 */
function requireMayAddPhoto(inspection: Inspection, item: Item, ctx: StaffContext): void {
  if (inspection.status === "awaiting_review" && inspection.inspectorId !== ctx.userId && hasRole(ctx.role, ["inspector"])) return;
  requireOpenClaim(inspection, item, ctx.userId, "add photos");
}

/** Checks and stores one photo, then records it (row + audit event) in one transaction. */
export async function addPhoto(db: Db, store: PhotoStore, ctx: StaffContext, input: AddPhotoInput): Promise<InspectionPhoto> {
  requireInspector(ctx);
  const data = parseInput(addPhotoSchema, input);
  const declared = normaliseContentType(data.contentType);
  if (!(photoContentTypes as readonly string[]).includes(declared)) {
    throw new DomainError("validation:photo_type", "Photos must be JPEG, PNG or WebP images.");
  }
  const actual = checkPhotoBytes(data.bytes);
  if (actual !== declared) {
    throw new DomainError("validation:photo_type", "The file is not a readable JPEG, PNG or WebP image.");
  }

  // Check before storing, so a refused upload leaves no file behind.
  await db.transaction(async (tx) => {
    const { inspection, item } = await lockInspectionAndItem(tx, ctx.centerId, data.inspectionId);
    requireMayAddPhoto(inspection, item, ctx);
  });
  const storageKey = `inspections/${data.inspectionId}/${randomUUID()}.${extensionFor[actual as PhotoContentType]}`;
  // A verdict may have landed while the file was uploading: re-check under the locks.
  return storeThenRecord(store, storageKey, data.bytes, actual, () => db.transaction(async (tx) => {
    const { inspection, item } = await lockInspectionAndItem(tx, ctx.centerId, data.inspectionId);
    requireMayAddPhoto(inspection, item, ctx);
    const [photo] = await tx
      .insert(inspectionPhotos)
      .values({
        inspectionId: inspection.id,
        itemId: item.id,
        storageKey,
        contentType: actual,
        bytes: data.bytes.byteLength,
        caption: data.caption,
        uploadedBy: ctx.userId,
      })
      .returning();
    await recordItemEvent(tx, {
      item,
      action: "photo_added",
      actor: staffActor(ctx),
      details: { inspectionId: inspection.id, photoId: photo.id, storageKey, bytes: photo.bytes, caption: photo.caption },
    });
    return photo;
  }));
}

/** Photos of an inspection, or of every inspection of an item (its permanent record), oldest first. */
export async function listPhotos(
  q: Queryable,
  centerId: string,
  filter: { inspectionId: string } | { itemId: string },
): Promise<InspectionPhoto[]> {
  const by = "inspectionId" in filter ? eq(inspectionPhotos.inspectionId, filter.inspectionId) : eq(inspectionPhotos.itemId, filter.itemId);
  const rows = await q
    .select({ photo: inspectionPhotos })
    .from(inspectionPhotos)
    .innerJoin(inspections, eq(inspections.id, inspectionPhotos.inspectionId))
    .where(and(by, eq(inspections.centerId, centerId)))
    .orderBy(asc(inspectionPhotos.createdAt), asc(inspectionPhotos.id));
  return rows.map((r) => r.photo);
}

/** One photo's bytes for display, scoped to the center. */
export async function getPhotoContent(
  q: Queryable,
  store: PhotoStore,
  centerId: string,
  photoId: string,
): Promise<{ photo: InspectionPhoto } & StoredPhoto> {
  if (!z.uuid().safeParse(photoId).success) throw new DomainError("not_found:photo", "No such photo.");
  const [row] = await q
    .select({ photo: inspectionPhotos })
    .from(inspectionPhotos)
    .innerJoin(inspections, eq(inspections.id, inspectionPhotos.inspectionId))
    .where(and(eq(inspectionPhotos.id, photoId), eq(inspections.centerId, centerId)));
  if (!row) throw new DomainError("not_found:photo", "No such photo.");
  const stored = await store.get(row.photo.storageKey);
  if (!stored) throw new DomainError("not_found:photo_file", "The photo file is missing from storage.");
  return { photo: row.photo, bytes: stored.bytes, contentType: row.photo.contentType };
}

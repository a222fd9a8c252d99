import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { checkPhotoBytes } from "@/lib/photos/check-photo";
import { extensionFor, sniffImageType } from "@/lib/photos/image-type";
import { storeThenRecord, type PhotoStore, type StoredPhoto } from "@/lib/photos/photo-store";
import { parseInput, requireReceiver } from "./guards";
import { recordUnmatchedParcel } from "./unmatched-parcels";
import { findParcel, type ParcelView } from "./views";


export const addParcelPhotoSchema = z.object({
  parcelId: z.uuid(),
  bytes: z.instanceof(Uint8Array),
});
export type AddParcelPhotoInput = z.input<typeof addParcelPhotoSchema>;


/**
 * The operator photographs an unmatched parcel for the manager. The file is stored under a new
 * key (a retake never overwrites the old file) and recordUnmatchedParcel sets the parcel's
 * photoKey. The parcel is checked before storing, so a refused upload leaves no file behind;
 * recordUnmatchedParcel checks again under its lock.
 */
export async function addUnmatchedParcelPhoto(db: Db, store: PhotoStore, ctx: StaffContext, input: AddParcelPhotoInput): Promise<ParcelView> {
  requireReceiver(ctx);
  const data = parseInput(addParcelPhotoSchema, input);
  const type = checkPhotoBytes(data.bytes);
  const parcel = await findParcel(db, ctx.centerId, data.parcelId);
  if (!parcel) throw new DomainError("not_found:parcel", "No such parcel in this center.");
  if (parcel.status !== "unmatched") {
    throw new DomainError("conflict:parcel_state", `Parcel ${parcel.trackingNumber} is not in the unmatched queue (it is ${parcel.status}).`, { parcel: parcel.trackingNumber, status: parcel.status });
  }
  const photoKey = `parcels/${parcel.id}/${randomUUID()}.${extensionFor[type]}`;
  return storeThenRecord(store, photoKey, data.bytes, type, () => recordUnmatchedParcel(db, ctx, { parcelId: parcel.id, photoKey }));
}

/** A parcel's photo for display, only within the caller's center (operators and managers). */
export async function getParcelPhoto(q: Queryable, store: PhotoStore, ctx: StaffContext, parcelId: string): Promise<StoredPhoto> {
  requireReceiver(ctx);
  if (!z.uuid().safeParse(parcelId).success) throw new DomainError("not_found:photo", "No such photo.");
  const parcel = await findParcel(q, ctx.centerId, parcelId);
  if (!parcel?.photoKey) throw new DomainError("not_found:photo", "This parcel has no photo.");
  const stored = await store.get(parcel.photoKey);
  if (!stored) throw new DomainError("not_found:photo_file", "The photo file is missing from storage.");
  return { bytes: stored.bytes, contentType: sniffImageType(stored.bytes) ?? stored.contentType };
}

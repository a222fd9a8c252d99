import { readdir } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { parcels } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { LocalPhotoStore } from "@/lib/photos/local-photo-store";
import { addUnmatchedParcelPhoto, getParcelPhoto } from "@/lib/receiving/parcel-photo";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { listUnmatchedParcels, recordUnmatchedParcel } from "@/lib/receiving/unmatched-parcels";
import { describeEachDb } from "../helpers/databases";
import { createCenter, uniq } from "../helpers/fixtures";
import { createAnnouncedOrder, scanId, staffContext } from "../helpers/receiving-fixtures";
import { tempPhotoStore } from "./inspection-fixtures";

// A PNG signature is all the byte check reads; the rest is filler.
const pngBytes = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 56 }, (_, i) => i)]);
const jpegBytes = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 60 }, (_, i) => 255 - i)]);

/** Every file under the store's directory (relative paths), to prove a refusal stored nothing. */
async function storedFiles(store: LocalPhotoStore): Promise<string[]> {
  const entries = await readdir(store.dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(store.dir, path.join(e.parentPath, e.name)));
}

describeEachDb("receiving: unmatched parcel photo", (use) => {
  let store: LocalPhotoStore;
  let operator: StaffContext;
  let manager: StaffContext;
  let inspector: StaffContext;
  let otherOperator: StaffContext;
  let otherManager: StaffContext;

  beforeAll(async () => {
    const db = use();
    store = await tempPhotoStore();
    const center = await createCenter(db);
    const other = await createCenter(db);
    operator = await staffContext(db, center.id, "operator", "RCV-01");
    manager = await staffContext(db, center.id, "manager", "DESK-1");
    inspector = await staffContext(db, center.id, "inspector", "INS-1");
    otherOperator = await staffContext(db, other.id, "operator", "RCV-9");
    otherManager = await staffContext(db, other.id, "manager", "DESK-9");
  });

  async function unmatchedParcel() {
    const { result } = await scanParcel(use(), operator, { scanId: scanId(), trackingNumber: uniq("LOST").toUpperCase() });
    expect(result.outcome).toBe("unmatched");
    return result.parcel;
  }

  const parcelRow = async (id: string) => (await use().select().from(parcels).where(eq(parcels.id, id)))[0];

  it("stores the photo under a parcel key and sets photoKey; operator and manager of the center read it back", async () => {
    const db = use();
    const parcel = await unmatchedParcel();
    await recordUnmatchedParcel(db, operator, { parcelId: parcel.id, note: "Brown box, no label" });
    const bytes = pngBytes();

    const view = await addUnmatchedParcelPhoto(db, store, operator, { parcelId: parcel.id, bytes });
    expect(view.photoKey).toMatch(new RegExp(`^parcels/${parcel.id}/[0-9a-f-]{36}\\.png$`));
    const row = await parcelRow(parcel.id);
    expect(row).toMatchObject({ photoKey: view.photoKey, note: "Brown box, no label", status: "unmatched" });
    expect((await store.get(view.photoKey!))?.bytes).toEqual(bytes);

    const queued = (await listUnmatchedParcels(db, operator.centerId)).find((p) => p.id === parcel.id);
    expect(queued).toMatchObject({ photoKey: view.photoKey, note: "Brown box, no label" });

    for (const reader of [operator, manager]) {
      const photo = await getParcelPhoto(db, store, reader, parcel.id);
      expect(photo.contentType).toBe("image/png");
      expect(photo.bytes).toEqual(bytes);
    }

    // A retake is a new file and a new key; the first file stays (nothing is overwritten).
    const retake = await addUnmatchedParcelPhoto(db, store, operator, { parcelId: parcel.id, bytes: jpegBytes() });
    expect(retake.photoKey).toMatch(/\.jpg$/);
    expect(retake.photoKey).not.toBe(view.photoKey);
    expect((await parcelRow(parcel.id)).photoKey).toBe(retake.photoKey);
    expect((await getParcelPhoto(db, store, manager, parcel.id)).contentType).toBe("image/jpeg");
    expect(await store.get(view.photoKey!)).not.toBeNull();
  });

  it("keeps a parcel's photo within its center and from roles outside receiving", async () => {
    const db = use();
    const parcel = await unmatchedParcel();
    await addUnmatchedParcelPhoto(db, store, operator, { parcelId: parcel.id, bytes: pngBytes() });
    const before = await parcelRow(parcel.id);

    for (const outsider of [otherOperator, otherManager]) {
      await expect(getParcelPhoto(db, store, outsider, parcel.id)).rejects.toMatchObject({ code: "not_found:photo" });
    }
    await expect(getParcelPhoto(db, store, inspector, parcel.id)).rejects.toMatchObject({ code: "forbidden:role" });

    // Nor can another center's operator replace it.
    const files = await storedFiles(store);
    await expect(addUnmatchedParcelPhoto(db, store, otherOperator, { parcelId: parcel.id, bytes: jpegBytes() })).rejects.toMatchObject({
      code: "not_found:parcel",
    });
    expect(await parcelRow(parcel.id)).toEqual(before);
    expect(await storedFiles(store)).toEqual(files);
  });

  it("refuses a file that is not a JPEG, PNG or WebP image and changes nothing", async () => {
    const db = use();
    const parcel = await unmatchedParcel();
    await addUnmatchedParcelPhoto(db, store, operator, { parcelId: parcel.id, bytes: pngBytes() });
    const before = await parcelRow(parcel.id);
    const files = await storedFiles(store);

    const refusals = [
      new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
      new TextEncoder().encode("%PDF-1.7 not a photo"),
      new Uint8Array(0),
    ];
    for (const bytes of refusals) {
      await expect(addUnmatchedParcelPhoto(db, store, operator, { parcelId: parcel.id, bytes })).rejects.toMatchObject({
        code: expect.stringMatching(/^validation:photo_(type|empty)$/),
      });
    }
    expect(await parcelRow(parcel.id)).toEqual(before);
    expect(await storedFiles(store)).toEqual(files);
    expect((await getParcelPhoto(db, store, manager, parcel.id)).contentType).toBe("image/png");
  });

  it("refuses a photo for a parcel that is not unmatched, storing nothing", async () => {
    const db = use();
    const { order } = await createAnnouncedOrder(db, operator.centerId, { units: [{}] });
    const { result } = await scanParcel(db, operator, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    expect(result.parcel.status).toBe("received");
    const files = await storedFiles(store);
    await expect(addUnmatchedParcelPhoto(db, store, operator, { parcelId: result.parcel.id, bytes: pngBytes() })).rejects.toMatchObject({
      code: "conflict:parcel_state",
    });
    expect((await parcelRow(result.parcel.id)).photoKey).toBeNull();
    expect(await storedFiles(store)).toEqual(files);
    await expect(getParcelPhoto(db, store, manager, result.parcel.id)).rejects.toMatchObject({ code: "not_found:photo" });
  });
});

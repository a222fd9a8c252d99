import { beforeAll, expect, it } from "vitest";
import { addPhoto, getPhotoContent, listPhotos, maxPhotoBytes } from "@/lib/inspection/inspection-photos";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createUser } from "../helpers/fixtures";
import { claimedItem, ctxOf, inspectionCenter, jpegBytes, scan, snapshot, tempPhotoStore } from "./inspection-fixtures";

describeEachDb("inspection photos", (use) => {
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let store: Awaited<ReturnType<typeof tempPhotoStore>>;
  beforeAll(async () => {
    c = await inspectionCenter(use());
    store = await tempPhotoStore();
  });

  it("stores a photo, records it with an audit event and serves it back", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx);
    const bytes = jpegBytes(2048);
    const photo = await addPhoto(db, store, ctx, { inspectionId, bytes, contentType: "image/jpg", caption: " heel " });
    expect(photo).toMatchObject({ inspectionId, itemId: item.id, contentType: "image/jpeg", bytes: 2048, caption: "heel", uploadedBy: c.inspector.id });
    expect(photo.storageKey).toMatch(new RegExp(`^inspections/${inspectionId}/[0-9a-f-]{36}\\.jpg$`));
    const stored = await store.get(photo.storageKey);
    expect([...stored!.bytes]).toEqual([...bytes]);
    const after = await snapshot(db, item.id);
    expect(after.events.at(-1)).toMatchObject({ action: "photo_added", fromState: "in_inspection", toState: "in_inspection", details: { photoId: photo.id } });
    expect((await listPhotos(db, c.center.id, { inspectionId })).map((p) => p.id)).toEqual([photo.id]);
    expect((await listPhotos(db, c.center.id, { itemId: item.id })).map((p) => p.id)).toEqual([photo.id]);
    const content = await getPhotoContent(db, store, c.center.id, photo.id);
    expect(content.contentType).toBe("image/jpeg");
    expect([...content.bytes]).toEqual([...bytes]);
    const other = await createCenter(db);
    await expect(getPhotoContent(db, store, other.id, photo.id)).rejects.toMatchObject({ code: "not_found:photo" });
    expect(await listPhotos(db, other.id, { inspectionId })).toEqual([]);
  });

  it("refuses wrong types, disguised files, empty and oversized photos, and leaves no trace", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx);
    const before = await snapshot(db, item.id);
    const gif = new TextEncoder().encode("GIF89a-------");
    await expect(addPhoto(db, store, ctx, { inspectionId, bytes: gif, contentType: "image/gif" })).rejects.toMatchObject({ code: "validation:photo_type" });
    await expect(addPhoto(db, store, ctx, { inspectionId, bytes: gif, contentType: "image/png" })).rejects.toMatchObject({ code: "validation:photo_type" });
    await expect(addPhoto(db, store, ctx, { inspectionId, bytes: new Uint8Array(), contentType: "image/jpeg" })).rejects.toMatchObject({
      code: "validation:photo_empty",
    });
    const huge = jpegBytes(maxPhotoBytes + 1);
    await expect(addPhoto(db, store, ctx, { inspectionId, bytes: huge, contentType: "image/jpeg" })).rejects.toMatchObject({ code: "too_large:photo" });
    await expect(addPhoto(db, store, ctx, { inspectionId, bytes: jpegBytes(maxPhotoBytes), contentType: "image/jpeg" })).resolves.toBeDefined();
    const after = await snapshot(db, item.id);
    expect(after.events.length).toBe(before.events.length + 1);
    expect(await listPhotos(db, c.center.id, { inspectionId })).toHaveLength(1);
  });

  it("only the claiming inspector adds photos while open; the reviewer may add while it awaits review", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { inspectionId } = await claimedItem(db, ctx, { price: 5_000_000 });
    const add = (who: typeof c.inspector) => addPhoto(db, store, ctxOf(who), { inspectionId, bytes: jpegBytes(), contentType: "image/jpeg" });
    await expect(add(c.inspector2)).rejects.toMatchObject({ code: "forbidden:not_claimer" });
    await expect(add(c.operator)).rejects.toMatchObject({ code: "forbidden:role" });
    const stranger = await createUser(db, (await createCenter(db)).id, "inspector");
    await expect(add(stranger)).rejects.toMatchObject({ code: "not_found:inspection" });
    await add(c.inspector);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" });
    await expect(add(c.inspector)).rejects.toMatchObject({ code: "conflict:inspection_closed" });
    await expect(add(c.senior)).resolves.toMatchObject({ uploadedBy: c.senior.id });
    expect(await listPhotos(db, c.center.id, { inspectionId })).toHaveLength(2);
  });
});

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalPhotoStore } from "./local-photo-store";
import { photoStoreFromEnv } from "./photo-store";

describe("local photo store", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "legit-photos-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("stores and reads back bytes under nested keys, leaving no temp files", async () => {
    const store = new LocalPhotoStore(dir);
    const data = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    await store.put("inspections/abc/p1.jpg", data, "image/jpeg");
    const back = await store.get("inspections/abc/p1.jpg");
    expect(back?.contentType).toBe("image/jpeg");
    expect([...(back?.bytes ?? [])]).toEqual([...data]);
    expect(await readdir(path.join(dir, "inspections", "abc"))).toEqual(["p1.jpg"]);
  });

  it("answers null for a missing key and refuses keys that escape the directory", async () => {
    const store = new LocalPhotoStore(dir);
    expect(await store.get("inspections/none.jpg")).toBeNull();
    await expect(store.put("../evil.jpg", new Uint8Array([1]), "image/jpeg")).rejects.toThrow(/Invalid photo key/);
    await expect(store.get("/etc/passwd")).rejects.toThrow(/Invalid photo key/);
    await expect(store.get("a//b.jpg")).rejects.toThrow(/Invalid photo key/);
  });

  it("is chosen from the environment unless S3_BUCKET is set", () => {
    const local = photoStoreFromEnv({ PHOTO_DIR: dir });
    expect(local.kind).toBe("local");
    expect((local as LocalPhotoStore).dir).toBe(path.resolve(dir));
    expect((photoStoreFromEnv({}) as LocalPhotoStore).dir).toBe(path.join(process.cwd(), ".data", "photos"));
    expect(photoStoreFromEnv({ S3_BUCKET: "b", S3_ENDPOINT: "http://localhost:9000" }).kind).toBe("s3");
  });
});

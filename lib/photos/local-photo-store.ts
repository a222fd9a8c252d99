import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentTypeOfKey } from "./image-type";
import { assertPhotoKey } from "./photo-key";
import type { PhotoStore, StoredPhoto } from "./photo-store";

/** Photos as files under one directory; the content type follows from the key's extension. */
export class LocalPhotoStore implements PhotoStore {
  readonly kind = "local" as const;

  constructor(readonly dir: string) {}

  private fileOf(key: string): string {
    assertPhotoKey(key);
    return path.join(this.dir, ...key.split("/"));
  }

  // The content type is not kept: it follows from the key's extension.
  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a photo.
    const temp = `${file}.${randomUUID()}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  async get(key: string): Promise<StoredPhoto | null> {
    try {
      const bytes = await readFile(this.fileOf(key));
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: contentTypeOfKey(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }
}

import "server-only";
import path from "node:path";
import { env as appEnv, type Env } from "@/lib/env";
import { LocalPhotoStore } from "./local-photo-store";
import { S3PhotoStore } from "./s3-photo-store";


export type StoredPhoto = { bytes: Uint8Array; contentType: string };

/** Where inspection photos live: local disk by default, an S3-compatible bucket when configured. */
export interface PhotoStore {
  readonly kind: "local" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when there is nothing under the key. */
  get(key: string): Promise<StoredPhoto | null>;
  /** Removes a file whose record was never written (a refused or failed upload); no error if absent. */
  delete(key: string): Promise<void>;
}

/** Stores a photo, runs `record`, and removes the file again if recording fails: no orphan files. */
export async function storeThenRecord<T>(store: PhotoStore, key: string, bytes: Uint8Array, contentType: string, record: () => Promise<T>): Promise<T> {
  await store.put(key, bytes, contentType);
  try {
    return await record();
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
}

type PhotoEnv = Partial<Pick<Env, "PHOTO_DIR" | "S3_BUCKET" | "S3_ENDPOINT" | "S3_REGION" | "S3_ACCESS_KEY_ID" | "S3_SECRET_ACCESS_KEY">>;

/** S3 when S3_BUCKET is set (with S3_ENDPOINT for non-AWS services), else PHOTO_DIR or ./.data/photos. */
export function photoStoreFromEnv(env: PhotoEnv = appEnv): PhotoStore {
  if (env.S3_BUCKET) {
    return new S3PhotoStore({
      bucket: env.S3_BUCKET,
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || "us-east-1",
      accessKeyId: env.S3_ACCESS_KEY_ID,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    });
  }
  // A runtime folder, not a module path: the ignore comments keep Next's file tracer out of it (it traced the whole project).
  return new LocalPhotoStore(path.resolve(/* turbopackIgnore: true */ env.PHOTO_DIR || path.join(/* turbopackIgnore: true */ process.cwd(), ".data", "photos")));
}

const globalForPhotos = globalThis as unknown as { legitPhotoStore?: PhotoStore };

/** The process's photo store (from the environment), for routes to pass to the domain functions. */
export function getPhotoStore(): PhotoStore {
  globalForPhotos.legitPhotoStore ??= photoStoreFromEnv();
  return globalForPhotos.legitPhotoStore;
}

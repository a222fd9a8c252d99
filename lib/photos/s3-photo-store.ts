import type { S3Client } from "@aws-sdk/client-s3";
import { assertPhotoKey } from "./photo-key";
import type { PhotoStore, StoredPhoto } from "./photo-store";

export type S3Config = {
  bucket: string;
  /** For S3-compatible services (MinIO, R2, …); path-style addressing is used then. */
  endpoint?: string;
  region: string;
  /** Without keys the SDK's default chain (instance role, env) is used. */
  accessKeyId?: string;
  secretAccessKey?: string;
};

/** Photos in an S3-compatible bucket, through the official SDK (loaded only when used). */
export class S3PhotoStore implements PhotoStore {
  readonly kind = "s3" as const;
  private client?: Promise<{ client: S3Client; sdk: typeof import("@aws-sdk/client-s3") }>;

  constructor(readonly config: S3Config) {}

  private connect() {
    this.client ??= import("@aws-sdk/client-s3").then((sdk) => {
      const { endpoint, region, accessKeyId, secretAccessKey } = this.config;
      const client = new sdk.S3Client({
        region,
        endpoint,
        forcePathStyle: Boolean(endpoint),
        credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
        // Many S3-compatible services reject the SDK's newer default checksum headers.
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      });
      return { client, sdk };
    });
    return this.client;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertPhotoKey(key);
    const { client, sdk } = await this.connect();
    await client.send(new sdk.PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentType: contentType }));
  }

  async delete(key: string): Promise<void> {
    assertPhotoKey(key);
    const { client, sdk } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  async get(key: string): Promise<StoredPhoto | null> {
    assertPhotoKey(key);
    const { client, sdk } = await this.connect();
    try {
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      if (!out.Body) return null;
      return { bytes: await out.Body.transformToByteArray(), contentType: out.ContentType ?? "application/octet-stream" };
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }
}

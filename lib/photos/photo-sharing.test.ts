import { describe, expect, it } from "vitest";
import { photoSharingWarning } from "./photo-sharing";

describe("photoSharingWarning", () => {
  it("warns when instances on shared PostgreSQL would keep photos on their own disks", () => {
    expect(photoSharingWarning({ DATABASE_URL: "postgres://db/legit" })).toMatch(/S3_BUCKET/);
  });
  it("is quiet with S3, an explicit shared directory, or the embedded database", () => {
    expect(photoSharingWarning({ DATABASE_URL: "postgres://db/legit", S3_BUCKET: "photos" })).toBeNull();
    expect(photoSharingWarning({ DATABASE_URL: "postgres://db/legit", PHOTO_DIR: "/mnt/shared/photos" })).toBeNull();
    expect(photoSharingWarning({})).toBeNull();
  });
});

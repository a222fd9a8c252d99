type Env = { DATABASE_URL?: string; S3_BUCKET?: string; PHOTO_DIR?: string };

/**
 * Why photos would not be shared by several app instances, or null when they are (or cannot be
 * several). With PostgreSQL any number of instances may serve one center; a photo taken through one
 * must be readable through every other, so they need the S3-compatible store (S3_BUCKET) or a
 * PHOTO_DIR that every instance mounts (a network share). The default, ./.data/photos, is local
 * to one machine.
 */
export function photoSharingWarning(env: Env): string | null {
  if (!env.DATABASE_URL) return null; // the embedded database serves one process only
  if (env.S3_BUCKET) return null;
  if (env.PHOTO_DIR) return null; // chosen explicitly: the operator says every instance mounts it
  return (
    "photos are stored on this machine's disk (./.data/photos) while the database is shared PostgreSQL. " +
    "If several instances serve this database, a photo taken through one will be missing on the others: " +
    "set S3_BUCKET (S3-compatible storage) or PHOTO_DIR to a directory every instance mounts."
  );
}

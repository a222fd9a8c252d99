import { createHash, randomBytes } from "node:crypto";

/** Every API token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const tokenPrefix = "lgt_";

/** A new bearer token: the prefix and 32 random bytes in base64url. */
export function generateApiToken(): string {
  return tokenPrefix + randomBytes(32).toString("base64url");
}

/** A webhook signing secret, shown to the client once like its token. */
export function generateWebhookSecret(): string {
  return "whsec_" + randomBytes(32).toString("base64url");
}

/** Tokens are high-entropy, so a plain SHA-256 is enough (no slow hash needed) and allows lookup by hash. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The part of a token that may be shown again (lists, audit) to tell tokens apart. */
export function displayPrefix(token: string): string {
  return token.slice(0, tokenPrefix.length + 8);
}

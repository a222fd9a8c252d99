import { createHmac, timingSafeEqual } from "node:crypto";

export const signatureHeader = "X-Legit-Signature";
export const timestampHeader = "X-Legit-Timestamp";
export const deliveryHeader = "X-Legit-Delivery";

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the client's webhook secret. */
export function signWebhookBody(secret: string, body: string): string {
  return "sha256=" + createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

/** For receivers (and tests): compares in constant time. */
export function verifyWebhookSignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

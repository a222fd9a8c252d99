import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./webhook-signature";

describe("webhook signature", () => {
  const body = JSON.stringify({ events: [{ id: 1, type: "item.receive" }] });

  it("is the hex HMAC-SHA256 of the body with the secret", () => {
    const hex = createHmac("sha256", "whsec_test").update(body).digest("hex");
    expect(signWebhookBody("whsec_test", body)).toBe(`sha256=${hex}`);
  });

  it("verifies only the same body with the same secret", () => {
    const sig = signWebhookBody("whsec_test", body);
    expect(verifyWebhookSignature("whsec_test", body, sig)).toBe(true);
    expect(verifyWebhookSignature("whsec_other", body, sig)).toBe(false);
    expect(verifyWebhookSignature("whsec_test", body.replace("1", "2"), sig)).toBe(false);
    expect(verifyWebhookSignature("whsec_test", body, undefined)).toBe(false);
    expect(verifyWebhookSignature("whsec_test", body, "sha256=00")).toBe(false);
  });
});

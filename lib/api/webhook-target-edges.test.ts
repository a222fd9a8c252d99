import { describe, expect, it } from "vitest";
import { checkWebhookTarget } from "./webhook-target";

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { code: string; message: string }) => ({ code: e.code, message: e.message }));

describe("webhook targets: edges and what the refusal says", () => {
  it("refuses what is not an http(s) URL", async () => {
    const notUrl = { code: "validation:webhook_url", message: "Give an http(s) URL for the webhook." };
    expect(await refusal(checkWebhookTarget("not a url", { env: {} }))).toEqual(notUrl);
    expect(await refusal(checkWebhookTarget("ftp://8.8.8.8/", { env: {} }))).toEqual(notUrl);
    await expect(checkWebhookTarget("https://8.8.8.8/hook", { env: {} })).resolves.toEqual(["8.8.8.8"]);
  });

  it("takes an IPv6 literal out of its brackets", async () => {
    await expect(checkWebhookTarget("https://[2606:4700::1111]/hook", { env: {} })).resolves.toEqual(["2606:4700::1111"]);
    expect(await refusal(checkWebhookTarget("http://[fe80::1]/x", { env: {} }))).toEqual({
      code: "validation:webhook_private_address",
      message: "The webhook host fe80::1 resolves to a private, loopback or link-local address; webhooks must point at a public address.",
    });
  });

  it("resolves names to their addresses, and says when one does not resolve", async () => {
    const addresses = await checkWebhookTarget("http://localhost:8080/h", { env: { LEGIT_WEBHOOK_ALLOW_PRIVATE: "1" } });
    expect(addresses.some((a) => a === "127.0.0.1" || a === "::1")).toBe(true);
    expect(await refusal(checkWebhookTarget("http://no-such-host.invalid/h", { env: {} }))).toEqual({
      code: "validation:webhook_url",
      message: "The webhook host no-such-host.invalid cannot be resolved.",
    });
  });
});

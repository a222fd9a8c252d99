import { describe, expect, it } from "vitest";
import { checkWebhookTarget, isPrivateAddress } from "./webhook-target";

describe("webhook targets", () => {
  it("knows loopback, private, link-local and mapped addresses from public ones", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "224.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
    expect(isPrivateAddress("not-an-ip")).toBe(true);
  });

  it("refuses private literal addresses and localhost unless the setting allows them", async () => {
    const env = {};
    for (const url of ["http://127.0.0.1:9000/hook", "http://[::1]/x", "http://169.254.169.254/latest/meta-data", "http://localhost:8080/h", "http://0x7f.1/"]) {
      await expect(checkWebhookTarget(url, { env }), url).rejects.toMatchObject({ code: "validation:webhook_private_address" });
    }
    await expect(checkWebhookTarget("http://8.8.8.8/hook", { env })).resolves.toEqual(["8.8.8.8"]);
    await expect(checkWebhookTarget("http://127.0.0.1:9000/hook", { env: { LEGIT_WEBHOOK_ALLOW_PRIVATE: "1" } })).resolves.toEqual(["127.0.0.1"]);
    await expect(checkWebhookTarget("ftp://8.8.8.8/", { env })).rejects.toMatchObject({ code: "validation:webhook_url" });
  });

  it("refuses a name that does not resolve at delivery, and accepts it when a webhook is set", async () => {
    await expect(checkWebhookTarget("http://no-such-host.invalid/h", { env: {} })).rejects.toMatchObject({ code: "validation:webhook_url" });
    await expect(checkWebhookTarget("http://no-such-host.invalid/h", { env: {}, allowUnresolvable: true })).resolves.toEqual([]);
  });
});

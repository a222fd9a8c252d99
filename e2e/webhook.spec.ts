import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { verifyWebhookSignature } from "../lib/api/webhook-signature";
import { demo, signInWithPassword } from "./helpers";

type Received = { signature: string | undefined; body: string };

/** A marketplace endpoint on this machine that records what the app's relay pushes to it. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ signature: req.headers["x-legit-signature"] as string | undefined, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((r) => server.close(r)) };
}

test("an announced order reaches the marketplace's webhook, signed, through the app's own relay", async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one viewport is enough for a server-to-server journey");
  const receiver = await startReceiver();
  try {
    await signInWithPassword(page, demo.admin);
    const created = await page.request.post("/api/station/admin/api-clients", { data: { scanId: `hook-${Date.now()}`, name: `Hook ${Date.now()}`, webhookUrl: receiver.url } });
    expect(created.status()).toBe(200);
    const { token, webhookSecret } = (await created.json()) as { token: string; webhookSecret: string };

    const externalId = `E2E-HOOK-${Date.now()}`;
    const announced = await request.post("/api/v1/inbound-orders", {
      headers: { authorization: `Bearer ${token}` },
      data: {
        externalId,
        type: "storage",
        centerCode: "SEL",
        seller: { id: "S-1", name: "홍길동" },
        items: [{ sku: "DD1391-100", productName: "Nike Dunk Low Retro White Black", category: "sneakers", size: "270", price: 129000 }],
      },
    });
    expect(announced.status()).toBe(201);

    await expect.poll(() => receiver.received.some((r) => r.body.includes(externalId)), { timeout: 20_000 }).toBe(true);
    const delivery = receiver.received.find((r) => r.body.includes(externalId))!;
    expect(verifyWebhookSignature(webhookSecret, delivery.body, delivery.signature)).toBe(true);
    expect(verifyWebhookSignature("whsec_someone_else", delivery.body, delivery.signature)).toBe(false);
  } finally {
    await receiver.close();
  }
});

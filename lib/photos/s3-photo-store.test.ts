import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3PhotoStore } from "./s3-photo-store";

/** A minimal path-style S3 stand-in: PUT and GET objects, recording each request's headers. */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const requests: { method: string; url: string; headers: IncomingMessage["headers"] }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    const key = decodeURIComponent((req.url ?? "").split("?")[0]);
    if (req.method === "PUT") {
      objects.set(key, { body: Buffer.concat(chunks), type: String(req.headers["content-type"]) });
      res.writeHead(200, { ETag: '"x"' }).end();
    } else if (req.method === "GET" && objects.has(key)) {
      const o = objects.get(key)!;
      res.writeHead(200, { "Content-Type": o.type, "Content-Length": o.body.length }).end(o.body);
    } else {
      res
        .writeHead(404, { "Content-Type": "application/xml" })
        .end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
    }
  });
  return { server, objects, requests };
}

describe("S3 photo store", () => {
  const fake = fakeS3();
  let store: S3PhotoStore;
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    const { port } = fake.server.address() as AddressInfo;
    store = new S3PhotoStore({
      bucket: "photos",
      endpoint: `http://127.0.0.1:${port}`,
      region: "ap-northeast-2",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    });
  });
  afterAll(() => new Promise<void>((resolve) => (fake.server as Server).close(() => resolve())));

  it("puts an object path-style with a SigV4 signature and reads it back", async () => {
    const data = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 8, 7]);
    await store.put("inspections/i1/p.png", data, "image/png");
    expect([...fake.objects.get("/photos/inspections/i1/p.png")!.body]).toEqual([...data]);
    const put = fake.requests.find((r) => r.method === "PUT")!;
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-northeast-2\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/,
    );
    expect(put.headers["content-type"]).toBe("image/png");
    const back = await store.get("inspections/i1/p.png");
    expect(back?.contentType).toBe("image/png");
    expect([...(back?.bytes ?? [])]).toEqual([...data]);
  });

  it("answers null for a missing object", async () => {
    expect(await store.get("inspections/none.jpg")).toBeNull();
  });
});

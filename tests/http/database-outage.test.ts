import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, request } from "@/scripts/bench/http-client";
import { freePort } from "@/scripts/free-port";
import { startNextServer, type NextServer } from "@/scripts/next-server";
import { expectErrorShape } from "./http-helpers";
import { hasBuild } from "./next-server";

/**
 * `next start` whose database is down (nothing listens on its port): the process stays up and says
 * so, load balancers are told it is not ready, and requests that need the database are answered
 * 503 with Retry-After in the error shape, never 500. Every answer carries the security headers.
 */
describe.skipIf(!hasBuild())("the database down [next start]", () => {
  let server: NextServer;
  beforeAll(async () => {
    const deadPort = await freePort();
    server = await startNextServer(`postgres://legit@127.0.0.1:${deadPort}/legit`, { readyPath: "/api/health" });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("health answers 200; ready answers 503 with Retry-After", async () => {
    const health = await request(server.base, "GET", "/api/health");
    expect(health.status).toBe(200);
    const ready = await request(server.base, "GET", "/api/ready");
    expect(ready.status).toBe(503);
    expect(Number(ready.headers["retry-after"])).toBeGreaterThan(0);
    expect(expectErrorShape(ready, "ready").code).toBe("unavailable:database");
  });

  it("an API call that needs the database is 503 unavailable:database with Retry-After", async () => {
    const api = await apiCall(server.base, "lgt_not_a_real_token_but_looked_up", "GET", "/api/v1/events");
    expect(api.status, api.body.slice(0, 300)).toBe(503);
    expect(Number(api.headers["retry-after"])).toBeGreaterThan(0);
    expect(expectErrorShape(api, "api").code).toBe("unavailable:database");
  });

  it("every answer, page or API, carries the CSP, framing, referrer and camera headers", async () => {
    for (const path of ["/api/health", "/login", "/api/v1/events"]) {
      const answer = await request(server.base, "GET", path);
      const csp = String(answer.headers["content-security-policy"]);
      expect(csp, path).toContain("frame-ancestors 'self'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(answer.headers["x-frame-options"], path).toBe("SAMEORIGIN");
      expect(answer.headers["referrer-policy"], path).toBe("same-origin");
      expect(answer.headers["x-content-type-options"], path).toBe("nosniff");
      expect(String(answer.headers["permissions-policy"]), path).toContain("camera=(self)");
    }
  });

  it("to a browser, small JSON answers go as they are and pages and large answers gzipped (lib/http/json-answer.ts)", async () => {
    const encodingOf = async (path: string) => {
      const answer = await request(server.base, "GET", path, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
      expect(answer.body.length, path).toBeGreaterThan(0);
      return answer.headers["content-encoding"] ?? "identity";
    };
    // Next's compression would gzip a 40-byte answer into 53 bytes, at a zlib stream's cost per request.
    expect(await encodingOf("/api/health")).toBe("identity");
    expect(await encodingOf("/api/ready")).toBe("identity");
    expect(await encodingOf("/login")).toBe("gzip");
    expect(await encodingOf("/api/v1/openapi.json")).toBe("gzip");
  });
});

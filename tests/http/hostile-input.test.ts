import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DbHandle } from "@/db/open-db";
import { request, type HttpAnswer, type Station } from "@/scripts/bench/http-client";
import { read, sourceFiles } from "../architecture/source-files";
import { call, expectErrorShape, tableRowCounts, type Caller } from "./http-helpers";
import type { NextServer } from "@/scripts/next-server";
import { hasBuild } from "./next-server";
import { closeServedWorld, serveWorld } from "./served-world";
import { fillTemplate, routeInventory, type RouteEntry, type RouteHandler } from "./route-inventory";
import { tradeOrder } from "../integration/api-helpers";
import { buildWorld, fakeParams, signInAll } from "./world";

/**
 * Hostile input on every route of the inventory, over HTTP against `next start` on PostgreSQL:
 * a table of known-bad strings, sizes, encodings and shapes, plus fast-check bodies built from the
 * field names our zod schemas use, each carrying at least one poisoned string. Never a 5xx, every
 * refusal in the `{"error":{"code","message"}}` shape, and no table gains or loses a row.
 */
const routes = (await routeInventory()).filter((r) => !r.template.startsWith("/api/auth/"));
const ready = Boolean(inject("pgServerUrl")) && hasBuild();

/** Field names the app's schemas accept (`name: z.…`), so generated bodies reach the field checks. */
const fieldNames = [
  ...new Set(
    sourceFiles(["lib", "app"])
      .filter((f) => !f.endsWith(".test.ts"))
      .flatMap((f) => [...read(f).matchAll(/\b([a-zA-Z]\w*): z\./g)].map((m) => m[1])),
  ),
].sort();

/** Strings that must never reach the database or crash a parser. */
const poison = ["\u0000", "a\u0000b", "\ud800", "x\udfff", "\udfff\ud800", "\u0000".repeat(50), `${"가".repeat(10)}\ud83d`];
const oddStrings = ["", "%zz", "' or 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "\u202e💩", "x".repeat(100_000)];
const oddValues: unknown[] = [null, [], {}, 1e308, 2 ** 31, 2 ** 53 + 2, -1, 0.5, [[[[[]]]]], { $gt: "" }];

/** Raw bodies: malformed, not UTF-8, deep, huge. */
const rawBodies: { name: string; body: string | Buffer }[] = [
  { name: "truncated JSON", body: '{"scanId":' },
  { name: "not UTF-8", body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { name: "JSON number too big for a double", body: '{"price":1e400,"scanId":"x"}' },
  { name: "escaped NUL", body: '{"scanId":"\\u0000","code":"\\u0000"}' },
  { name: "escaped lone surrogate", body: '{"scanId":"\\ud800","code":"\\udfff"}' },
  { name: "array nested 100000 deep", body: `${"[".repeat(100_000)}${"]".repeat(100_000)}` },
  { name: "object nested 5000 deep", body: `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}` },
  { name: "two megabytes", body: `{"note":"${"x".repeat(2 * 1024 * 1024)}"}` },
  { name: "a JSON string, not an object", body: '"hello"' },
  { name: "null", body: "null" },
];
/** Path parameters: bad percent-encoding, NUL, encoded lone surrogate, huge, traversal. */
const badSegments = ["a%00b", "%ED%A0%80", "%E0%A4%A", "%zz", "%FF%FE", "x".repeat(5000), "..%2F..%2Fetc%2Fpasswd", "1e400"];
const badQueries = ["q=%00", "after=%ED%A0%80", "limit=1e400&limit=-1", "after=%zz&code=a%00b"];

describeHostile();

function describeHostile() {
  describe.skipIf(!ready)("hostile input on every route over HTTP [postgres, next start]", () => {
    let db: DbHandle & { url: string };
    let server: NextServer;
    let world: Awaited<ReturnType<typeof buildWorld>>;
    let admin: Station;
    let before: Record<string, number>;

    const rowCounts = () => tableRowCounts(db.db);

    beforeAll(async () => {
      ({ db, world, servers: [server] } = await serveWorld());
      admin = (await signInAll(server.base, world.a)).admin;
      before = await rowCounts();
    }, 180_000);
    afterAll(() => closeServedWorld(db, [server]), 60_000);

    /** Who may pass the route's own check: the admin of center A, or center A's API client. */
    const callerFor = (handler: RouteHandler): Caller =>
      handler.policy.kind === "api" ? { kind: "api", token: world.a.token } : handler.policy.kind === "staff" ? { kind: "staff", station: admin } : { kind: "anonymous" };

    /** Never a 5xx; under /api/ every refusal in the error shape (elsewhere, e.g. the service worker, Next's own 404 page is fine). */
    function expectSafe(answer: HttpAnswer, what: string, path = "/api/") {
      expect(answer.status, `${what}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
      if (answer.status >= 400 && path.startsWith("/api/")) expectErrorShape(answer, what);
    }

    const send = (route: RouteEntry, handler: RouteHandler, path: string, body?: string | Buffer) => {
      const caller = callerFor(handler);
      if (body === undefined || typeof body === "string") return call(server.base, caller, handler.method, path, handler, body);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (caller.kind === "staff") headers.cookie = caller.station.cookie;
      if (caller.kind === "api") headers.authorization = `Bearer ${caller.token}`;
      return request(server.base, handler.method, path, { headers, body: body as unknown as string });
    };

    // Reads name real objects of center A; writes name ids that exist nowhere, so a route that ignores its body changes nothing.
    const ownPath = (route: RouteEntry, handler: RouteHandler) =>
      fillTemplate(route.template, { "v1/[...path]": "no/such/route", ...(handler.method === "GET" ? world.a.params : fakeParams(world.a)) });

    for (const route of routes) {
      for (const handler of route.handlers) {
        const hasBody = handler.method !== "GET";
        it(`${handler.method} ${route.template}`, async () => {
          const rowsBefore = await rowCounts();
          const path = ownPath(route, handler);
          // Path parameters and query strings.
          const params = [...route.template.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)];
          for (const segment of params.length ? badSegments : []) {
            const bad = route.template.replace(/\[(?:\.\.\.)?\w+\]/, "SEGMENT");
            const p = fillTemplate(bad, { "v1/[...path]": "x", ...(hasBody ? fakeParams(world.a) : world.a.params) }).replace("SEGMENT", segment);
            expectSafe(await send(route, handler, p, hasBody ? "{}" : undefined), `path ${segment.slice(0, 20)}`, route.template);
          }
          for (const query of badQueries) expectSafe(await send(route, handler, `${path}?${query}`, hasBody ? "{}" : undefined), `query ${query}`, route.template);
          if (!hasBody) {
            expect(await rowCounts(), "rows written by hostile reads").toEqual(rowsBefore);
            return;
          }

          // Known-bad bodies.
          for (const { name, body } of rawBodies) expectSafe(await send(route, handler, path, body), name);
          for (const bad of [...poison, ...oddStrings, ...oddValues]) {
            const body = JSON.stringify(Object.fromEntries(fieldNames.map((f) => [f, bad])));
            expectSafe(await send(route, handler, path, body), `every field = ${JSON.stringify(bad)?.slice(0, 30)}`);
          }
          for (const text of poison) {
            const answer = await send(route, handler, path, JSON.stringify({ scanId: randomUUID(), note: text }));
            expectSafe(answer, "poison");
            expect(answer.status, "a poisoned write is refused").toBeGreaterThanOrEqual(400);
            if ((handler.policy.kind === "staff" && handler.policy.body === "json") || handler.policy.kind === "api") {
              expect(answer.status, `${JSON.stringify(text)}: ${answer.body.slice(0, 200)}`).toBe(422);
              expect(expectErrorShape(answer, "poison").code).toBe("validation:text");
            }
          }

          // Generated: any of our field names with odd values, and at least one poisoned string somewhere.
          const value = fc.oneof(
            fc.constantFrom(...oddStrings.slice(0, -1), ...oddValues),
            fc.string({ maxLength: 40 }),
            fc.double(),
            fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => Number(n)),
            fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
          );
          const body = fc
            .tuple(fc.dictionary(fc.constantFrom(...fieldNames), value, { maxKeys: 6 }), fc.constantFrom(...fieldNames), fc.constantFrom(...poison), fc.string({ maxLength: 10 }), fc.boolean())
            .map(([fields, key, bad, around, nested]) => ({ ...fields, [key]: nested ? { inner: [`${around}${bad}`] } : `${around}${bad}${around}` }));
          await fc.assert(
            fc.asyncProperty(body, async (b) => {
              const answer = await send(route, handler, path, JSON.stringify(b));
              expectSafe(answer, `generated ${JSON.stringify(b).slice(0, 120)}`);
              expect(answer.status).toBeGreaterThanOrEqual(400);
            }),
            { numRuns: 4, seed: 1414 },
          );
          expect(await rowCounts(), "rows written by hostile requests").toEqual(rowsBefore);
        });
      }
    }

    it("stored nothing: every table holds the rows it held before the hostile run", async () => {
      expect(await rowCounts()).toEqual(before);
    });

    it("an otherwise valid announce with one poisoned field anywhere is refused with 422 and stores nothing", async () => {
      const valid = tradeOrder(world.a.center.code);
      const leaves: string[][] = [];
      const walk = (value: unknown, at: string[]) => {
        if (typeof value === "string") leaves.push(at);
        else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...at, k]);
      };
      walk(valid, []);
      expect(leaves.length).toBeGreaterThan(10);
      const start = await rowCounts();
      const handler = { method: "POST", policy: { kind: "api" } } as const;
      for (const [i, at] of leaves.entries()) {
        const body = structuredClone(valid) as Record<string, unknown>;
        let node = body;
        for (const key of at.slice(0, -1)) node = node[key] as Record<string, unknown>;
        node[at.at(-1)!] = `${String(node[at.at(-1)!])}${poison[i % poison.length]}`;
        const answer = await call(server.base, { kind: "api", token: world.a.token }, "POST", "/api/v1/inbound-orders", handler, JSON.stringify(body));
        expect(answer.status, `${at.join(".")}: ${answer.body.slice(0, 200)}`).toBe(422);
        expect(expectErrorShape(answer, at.join(".")).code).toBe("validation:text");
      }
      expect(await rowCounts()).toEqual(start);
      // The same body unpoisoned is accepted: the refusals above were the poison's.
      const ok = await call(server.base, { kind: "api", token: world.a.token }, "POST", "/api/v1/inbound-orders", handler, JSON.stringify(valid));
      expect(ok.status).toBe(201);
    });
  });
}

import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DbHandle } from "@/db/open-db";
import { pages, type PageEntry } from "@/lib/navigation";
import { request, type HttpAnswer, type Station } from "@/scripts/bench/http-client";
import { call, expectErrorShape, mayPass, tableRowCounts, type Caller } from "./http-helpers";
import type { NextServer } from "@/scripts/next-server";
import { hasBuild } from "./next-server";
import { closeServedWorld, serveWorld } from "./served-world";
import { fillTemplate, pageInventory, routeInventory } from "./route-inventory";
import { buildWorld, fakeParams, signInAll, staffRoles, type WorldCenter } from "./world";

/**
 * The access matrix, generated from the route inventory (every route file under app/, each
 * handler's policy as its wrapper declared it, every page with its entry in lib/navigation.ts):
 * every route and page × no credentials, an API token, each staff role × the caller's own center and
 * another center. Over real HTTP against `next start` on PostgreSQL. A new route or page is in
 * the matrix without editing this file; a new path parameter asks for a value in world.ts.
 */
const routes = await routeInventory();
const pageFiles = pageInventory();
const ready = Boolean(inject("pgServerUrl")) && hasBuild();

/** Public catch-alls get a harmless value. */
const publicParams = { "v1/[...path]": "no/such/route", "auth/[...nextauth]": "providers" };

describe.skipIf(!ready)("access matrix over HTTP [postgres, next start]", () => {
  let db: DbHandle & { url: string };
  let server: NextServer;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let stations: Record<(typeof staffRoles)[number], Station>;
  beforeAll(async () => {
    ({ db, world, servers: [server] } = await serveWorld());
    stations = await signInAll(server.base, world.a);
  }, 180_000);
  afterAll(() => closeServedWorld(db, [server]), 60_000);

  /** The center's markers in an answer, less what the request itself named (a 404 may echo the code asked for). */
  const leaks = (answer: HttpAnswer, center: WorldCenter, sent = "") =>
    center.markers.filter((m) => answer.body.includes(m) && !decodeURIComponent(sent).includes(m));
  /** Admins manage centers, staff and API clients everywhere (DESIGN.md): another center is theirs there. */
  const adminsEverywhere = (role: string, template: string) => role === "admin" && /^\/(api\/station\/)?admin\//.test(template);
  /** The signed-in person's own name and center appear in every page's header. */
  const ownIdentity = (role: (typeof staffRoles)[number]) => [world.a.people[role].id, world.a.people[role].name, world.a.center.id, world.a.center.code];
  const own = () => ({ ...publicParams, ...world.a.params });
  const other = () => ({ ...publicParams, ...world.b.params });
  const fake = () => ({ ...publicParams, ...fakeParams(world.a) });
  const hasParams = (template: string) => /\[\w+\]/.test(template) && !template.includes("[...");

  for (const route of routes) {
    for (const handler of route.handlers) {
      const { policy } = handler;
      const label = policy.kind === "staff" ? `staff: ${policy.roles === "any-staff" ? "any" : policy.roles.join(", ")}` : policy.kind;
      const probe = async () => {
        const { method } = handler;
        // Writes by a caller who may pass go to ids that do not exist: the matrix must not change the world it checks.
        const path = (params: Record<string, string>) => fillTemplate(route.template, params);
        const ask = (caller: Caller, p: string) => call(server.base, caller, method, p, handler);
        const anonymous = await ask({ kind: "anonymous" }, path(own()));

        if (policy.kind === "public") {
          expect(anonymous.status, anonymous.body.slice(0, 200)).toBeLessThan(500);
          expect(leaks(anonymous, world.a).concat(leaks(anonymous, world.b))).toEqual([]);
          return;
        }

        if (policy.kind === "api") {
          expect(anonymous.status).toBe(401);
          expect(expectErrorShape(anonymous, "no token").code).toMatch(/^unauthorized/);
          const cookie = await ask({ kind: "staff", station: stations.admin }, path(own()));
          expect(cookie.status, "a staff session is not an API token").toBe(401);
          const mine = await ask({ kind: "api", token: world.a.token }, path(method === "GET" ? own() : fake()));
          expect(mine.status, mine.body.slice(0, 300)).toBeLessThan(500);
          expect(mine.status, mine.body.slice(0, 300)).not.toBe(401);
          expect(leaks(mine, world.b)).toEqual([]);
          if (hasParams(route.template)) {
            const theirs = await ask({ kind: "api", token: world.a.token }, path(other()));
            expect(method === "GET" ? [404] : [404, 422], `another center's ${route.template}: ${theirs.body.slice(0, 300)}`).toContain(theirs.status);
            expectErrorShape(theirs, "another center");
            expect(leaks(theirs, world.b, path(other()))).toEqual([]);
          }
          return;
        }

        // Screens' routes: a session cookie and a role.
        expect(anonymous.status, anonymous.body.slice(0, 300)).toBe(401);
        expect(expectErrorShape(anonymous, "no session").code).toBe("unauthorized");
        const token = await ask({ kind: "api", token: world.a.token }, path(own()));
        expect(token.status, "an API token is not a session").toBe(401);
        for (const role of staffRoles) {
          const station = { kind: "staff", station: stations[role] } as const;
          const answer = await ask(station, path(method === "GET" ? own() : fake()));
          if (mayPass(role, policy.roles)) {
            expect(answer.status, `${role}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
            expect(answer.status, `${role} may use it`).not.toBe(401);
            if (answer.status === 403) expect(expectErrorShape(answer, role).code).not.toBe("forbidden:role");
            if (adminsEverywhere(role, route.template)) continue;
            expect(leaks(answer, world.b), `${role} sees another center's data`).toEqual([]);
            if (hasParams(route.template)) {
              const theirs = await ask(station, path(other()));
              expect(method === "GET" ? [403, 404] : [403, 404, 409, 422], `${role}, another center's ${route.template}: ${theirs.body.slice(0, 300)}`).toContain(theirs.status);
              expectErrorShape(theirs, `${role}, another center`);
              expect(leaks(theirs, world.b, path(other()))).toEqual([]);
            }
          } else {
            expect(answer.status, `${role} may not: ${answer.body.slice(0, 300)}`).toBe(403);
            expect(expectErrorShape(answer, role).code).toBe("forbidden:role");
          }
        }
      };
      it(`${handler.method} ${route.template} (${label})`, async () => {
        // No writes on GET: reading, by anyone, allowed or not, stores nothing (an audit row included).
        const rowsBefore = handler.method === "GET" ? await tableRowCounts(db.db) : null;
        await probe();
        if (rowsBefore) expect(await tableRowCounts(db.db), "rows written by a GET").toEqual(rowsBefore);
      });
    }
  }

  const entryOf = (template: string) => (pages as readonly PageEntry[]).find((p) => p.href === (template || "/"));
  const redirectOf = (answer: HttpAnswer) => {
    if (answer.status >= 300 && answer.status < 400) return String(answer.headers.location ?? "");
    const meta = answer.body.match(/<meta[^>]+http-equiv="refresh"[^>]+content="\d+;url=([^"]+)"/i) ?? answer.body.match(/NEXT_REDIRECT;[^;]*;([^;"]+);/);
    return meta ? meta[1].replaceAll("&amp;", "&") : null;
  };

  for (const page of pageFiles) {
    const entry = entryOf(page.template);
    it(`page ${page.template || "/"} (${entry ? (Array.isArray(entry.roles) ? entry.roles.join(", ") : entry.roles) : "not in lib/navigation.ts"})`, async () => {
      expect(entry, `${page.file} has no entry in lib/navigation.ts`).toBeDefined();
      const roles = entry!.roles;
      const get = (station: Station | null, params: Record<string, string>) =>
        request(server.base, "GET", fillTemplate(page.template || "/", params), { headers: station ? { cookie: station.cookie } : {} });
      const anonymous = await get(null, own());
      if (roles === "public") {
        expect(anonymous.status).toBe(200);
        expect(leaks(anonymous, world.a).concat(leaks(anonymous, world.b))).toEqual([]);
        return;
      }
      expect(redirectOf(anonymous), `anonymous: HTTP ${anonymous.status}`).toMatch(/^(https?:\/\/[^/]+)?\/login/);
      for (const role of staffRoles) {
        const answer = await get(stations[role], own());
        if (mayPass(role, roles)) {
          expect(answer.status, `${role}: ${answer.body.slice(0, 200)}`).toBe(200);
          expect(redirectOf(answer), role).toBeNull();
          if (adminsEverywhere(role, page.template)) continue;
          expect(leaks(answer, world.b), `${role} sees another center's data`).toEqual([]);
          if (hasParams(page.template)) {
            const theirs = await get(stations[role], other());
            // Another center's item or bin is not found here: a 404, with nothing of theirs in it.
            expect(theirs.status, `${role}, another center's ${page.template}`).toBe(404);
            expect(leaks(theirs, world.b, fillTemplate(page.template, other()))).toEqual([]);
          }
        } else {
          // Sent home before the page renders anything of the center's.
          expect(redirectOf(answer), `${role} may not open it: HTTP ${answer.status}`).toMatch(/\/\?denied=1/);
          const self = ownIdentity(role);
          expect(leaks(answer, world.a, fillTemplate(page.template || "/", own())).filter((m) => !self.includes(m))).toEqual([]);
        }
      }
    });
  }
});

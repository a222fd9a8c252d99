import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { centers, type Center, type Role, type User } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";

/**
 * Calling the real station routes (staffRoute + withScanId) as Next calls them, with the signed-in
 * staff member given directly (the session cookie is Auth.js's business, tested in e2e). A test file
 * puts the stand-in in place of lib/auth/current-staff (vi.mock must stand in the test file itself):
 *
 *   vi.mock("@/lib/auth/current-staff", async () => (await import("../helpers/station-routes")).currentStaffStandIn);
 *
 * and signs in with `session.staff = await staffOf(db, user)`. A station write's session is
 * confirmed in its scan transaction as in production (lib/auth/session-check.ts), with the claims a
 * token issued at that moment would carry: deactivating the user or bumping their session version
 * afterwards ends it.
 */
export const session = { staff: null as (CurrentStaff & { user: Pick<User, "sessionVersion"> }) | null };

export const currentStaffStandIn = {
  currentStaff: async () => session.staff,
  requireStaff: async () => {
    if (!session.staff) throw new Error("no staff in test");
    return session.staff;
  },
  staffForWrite: async (roles?: readonly Role[]) => {
    const staff = session.staff;
    if (!staff) throw new DomainError("unauthorized", "Sign in first.");
    if (roles && !hasRole(staff.ctx.role, roles)) throw new DomainError("forbidden:role", "Your role may not do this.");
    const { userId, centerId, role } = staff.ctx;
    return { ctx: staff.ctx, claims: { userId, centerId, role, sessionVersion: staff.user.sessionVersion } };
  },
};

/** Makes `db` (and a photo store) the process's own, where the routes' getDb and getPhotoStore find them. */
export function serveRoutesFrom(db: Db, photoStore?: unknown) {
  (globalThis as { legitDb?: Promise<DbHandle> }).legitDb = Promise.resolve({ db, kind: "pglite", close: async () => {} });
  if (photoStore) (globalThis as { legitPhotoStore?: unknown }).legitPhotoStore = photoStore;
}

/** The user as the session would carry them: with their center and context. */
export async function staffOf(db: Db, user: User): Promise<CurrentStaff & { user: User }> {
  const [center] = await db.select().from(centers).where(eq(centers.id, user.centerId));
  return { user, center: center as Center, ctx: { userId: user.id, centerId: user.centerId, role: user.role } };
}

export type Route = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
export type RouteAnswer = { status: number; json: any; repeated: string | null };
type CallOptions = { params?: Record<string, unknown>; scanId?: string; method?: string };

/** One request from station TAB-09: JSON, or a form (photo uploads); the scan id in the header when given. */
export async function post(route: Route, body: unknown, opts: CallOptions = {}): Promise<RouteAnswer> {
  const isForm = body instanceof FormData;
  const headers: Record<string, string> = { "x-legit-station": "TAB-09" };
  if (!isForm) headers["content-type"] = "application/json";
  if (opts.scanId) headers["x-legit-scan-id"] = opts.scanId;
  const response = await route(
    new Request("http://test.local/api/station/x", { method: opts.method ?? "POST", headers, body: isForm ? body : JSON.stringify(body) }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  return { status: response.status, json: await response.json(), repeated: response.headers.get("x-legit-repeated") };
}

/** What a station compares: the answer without the "this was a repeat" flag some routes add. */
const sameAnswer = ({ repeated: _repeated, ...rest }: Record<string, unknown>) => rest;

/**
 * Sends the same action twice with one scan id (a retry after a lost answer): both answers are a
 * success. Routes that declare `scan` in staffRoute flag the second as a repeat (x-legit-repeated
 * false, then true); with `alike`, for routes that run withScanId themselves, the second answer is
 * the first one. A body given as a function is made anew for each request (a form is sent once).
 */
export async function twice(route: Route, body: unknown | (() => unknown), opts: CallOptions & { alike?: boolean } = {}) {
  const make = () => (typeof body === "function" ? (body as () => unknown)() : body);
  const first = await post(route, make(), opts);
  const second = await post(route, make(), opts);
  expect(first.status, JSON.stringify(first.json)).toBe(200);
  expect(second.status, JSON.stringify(second.json)).toBe(200);
  if (opts.alike) {
    expect(sameAnswer(second.json)).toEqual(sameAnswer(first.json));
  } else {
    expect(first.repeated).toBe("false");
    expect(second.repeated).toBe("true");
  }
  return { first: first.json, second: second.json };
}

import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { describeZodError, toErrorResponse } from "@/lib/http/error-response";
import { requireStaff, staffForWrite, type CurrentStaff } from "@/lib/auth/current-staff";
import { withSessionCheckedInScan } from "@/lib/auth/session-check";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { zodIssues } from "@/lib/errors/error-params";
import { scannedAtHeader, scannedAtOf } from "@/lib/offline/scanned-at";
import { onceForScan, scanIdOf } from "@/lib/scans/with-scan-id";
import { assertSameOriginWrite, isStateChanging } from "./request-guard";
import { withPolicy } from "./route-policy";
import { pathParams, readJsonBody, type RouteContext } from "./request-input";
import { jsonAnswer } from "./json-answer";

export type StaffHandlerArgs<B, P> = {
  db: Db;
  /**
   * The signed-in staff member with their center, as read before the handler; absent on the
   * writes of `scan` and `scanInDomain` routes, whose session is confirmed in their transaction.
   */
  staff?: CurrentStaff;
  /** The staff context with the calling station filled in, for domain functions. */
  ctx: StaffContext;
  body: B;
  params: P;
  request: Request;
};

/**
 * The one wrapper for the screens' own JSON routes: the forged-request guard on writes (JSON, or
 * multipart for `upload` routes, from our own origin: 403/415), session, role and center (401/403),
 * text without NUL bytes or lone surrogates in path, query and body (422), path params, body size
 * and JSON, zod validation (422), then the handler; refusals become
 * `{"error":{"code","message","params","fields"}}`: the screens render `code` + `params` in the
 * user's language (messages/<locale>/errors*.json), `fields` beside each form field.
 */
export function staffRoute<B = undefined, P = Record<string, never>>(
  options: {
    roles?: readonly Role[];
    body?: z.ZodType<B>;
    params?: z.ZodType<P>;
    maxBodyBytes?: number;
    /** A multipart photo upload (the handler reads the body); every other write must be JSON. */
    upload?: boolean;
    /**
     * A state-changing station action: takes a scanId and runs once per id (lib/scans/with-scan-id.ts);
     * `remember` trims what a repeat is answered with when the first answer holds a one-time secret.
     */
    scan?: string | { kind: string; remember: (result: unknown) => unknown };
    /**
     * The handler's domain function runs withScanId itself, and writes nothing outside its
     * transaction: like `scan` routes, the write's session is then confirmed in that transaction's
     * scan-id claim (lib/auth/session-check.ts) instead of by a read of its own before the handler.
     */
    scanInDomain?: boolean;
  },
  handler: (args: StaffHandlerArgs<B, P>) => Promise<unknown>,
): (request: Request, context: RouteContext) => Promise<Response> {
  const policy = { kind: "staff", roles: options.roles ?? "any-staff", body: options.upload ? "multipart" : options.body ? "json" : "none" } as const;
  return withPolicy(async (request: Request, context: RouteContext) => {
    const url = new URL(request.url);
    const where = `${request.method} ${url.pathname}`;
    try {
      assertSameOriginWrite(request, options.upload ? "multipart" : "json");
      // A station write's session: the signed token's role and center checked here (401/403), and
      // whether the users row still holds confirmed with its scan-id claim (scanInDomain, scan).
      const checkInScan = Boolean(options.scan || options.scanInDomain) && isStateChanging(request);
      const staff = checkInScan ? undefined : await requireStaff(options.roles);
      const { ctx, claims } = staff ? { ctx: staff.ctx, claims: undefined } : await staffForWrite(options.roles);
      const db = await getDb();
      const respond = async () => {
        const station = request.headers.get("x-legit-station")?.slice(0, 40) || "web";
        // A station action sent later from the device's offline queue says when it was scanned; reads
        // (GET, HEAD) change nothing, so the header means nothing there and is not read.
        const scannedAt = isStateChanging(request) ? scannedAtOf(request.headers.get(scannedAtHeader), new Date()) : undefined;
        const params = await pathParams(url, context, options.params);
        let body: unknown = undefined;
        let json: unknown;
        if (options.body) {
          json = await readJsonBody(request, options.maxBodyBytes);
          // The scan id is this wrapper's business (below), not part of the domain's input.
          const parsed = options.body.safeParse(options.scan ? withoutScanId(json) : json);
          if (!parsed.success) throw new DomainError("validation", describeZodError(parsed.error), { issues: zodIssues(parsed.error) });
          body = parsed.data;
        }
        const run = (db: Db) => handler({ db, staff, ctx: { ...ctx, station, scannedAt }, body: body as B, params, request });
        if (options.scan) {
          const { kind, remember } = typeof options.scan === "string" ? { kind: options.scan, remember: undefined } : options.scan;
          const scan = { scanId: scanIdOf(request, json), userId: ctx.userId, kind };
          const { result, repeated } = await onceForScan(db, scan, async (tx) => (await run(tx)) ?? {}, remember);
          return jsonAnswer(result, { headers: { "cache-control": "no-store", "x-legit-repeated": String(repeated) } });
        }
        const result = await run(db);
        return jsonAnswer(result ?? {}, { headers: { "cache-control": "no-store" } });
      };
      return claims ? await withSessionCheckedInScan(db, claims, respond) : await respond();
    } catch (error) {
      return toErrorResponse(error, where, { forScreens: true });
    }
  }, policy);
}

function withoutScanId(json: unknown): unknown {
  if (!json || typeof json !== "object" || Array.isArray(json) || !("scanId" in json)) return json;
  const { scanId: _scanId, ...rest } = json as Record<string, unknown>;
  return rest;
}

export type StaffFileArgs<P> = { db: Db; staff: CurrentStaff; ctx: StaffContext; params: P; request: Request };

/**
 * staffRoute for answers that are files (PDF, ZPL, photos): the same forged-request guard on
 * writes, session, role and center checks, text checks and path params, then the handler's own
 * Response; refusals are JSON errors as usual.
 */
export function staffFileRoute<P = Record<string, never>>(
  options: { roles?: readonly Role[]; params?: z.ZodType<P> },
  handler: (args: StaffFileArgs<P>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return withPolicy(async (request: Request, context: RouteContext) => {
    const url = new URL(request.url);
    const where = `${request.method} ${url.pathname}`;
    try {
      assertSameOriginWrite(request, "json");
      const staff = await requireStaff(options.roles);
      const station = request.headers.get("x-legit-station")?.slice(0, 40) || "web";
      const params = await pathParams(url, context, options.params);
      const db = await getDb();
      return await handler({ db, staff, ctx: { ...staff.ctx, station }, params, request });
    } catch (error) {
      return toErrorResponse(error, where);
    }
  }, { kind: "staff", roles: options.roles ?? "any-staff", body: "none" });
}

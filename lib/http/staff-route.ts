import "server-only";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { describeZodError, errorResponse, toErrorResponse } from "@/lib/api/http/error-response";
import { defaultMaxBodyBytes, readBodyText } from "@/lib/api/http/read-body";
import { requireStaff, type CurrentStaff } from "@/lib/auth/current-staff";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { zodIssues } from "@/lib/errors/error-params";

type RouteContext = { params: Promise<Record<string, unknown>> };

export type StaffHandlerArgs<B, P> = {
  db: Db;
  staff: CurrentStaff;
  /** The staff context with the calling station filled in, for domain functions. */
  ctx: StaffContext;
  body: B;
  params: P;
  request: Request;
};

/**
 * The one wrapper for the screens' own JSON routes: session, role and center (401/403), path
 * params, body size and JSON, zod validation (422), then the handler; refusals become
 * `{"error":{"code","message","params","fields"}}`: the screens render `code` + `params` in the
 * user's language (messages/<locale>/errors*.json), `fields` beside each form field.
 */
export function staffRoute<B = undefined, P = Record<string, never>>(
  options: { roles?: readonly Role[]; body?: z.ZodType<B>; params?: z.ZodType<P>; maxBodyBytes?: number },
  handler: (args: StaffHandlerArgs<B, P>) => Promise<unknown>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const where = `${request.method} ${new URL(request.url).pathname}`;
    try {
      const staff = await requireStaff(options.roles);
      const station = request.headers.get("x-legit-station")?.slice(0, 40) || "web";
      const params = options.params ? options.params.safeParse(await context.params) : null;
      if (params && !params.success) throw new DomainError("not_found", `Nothing here: ${describeZodError(params.error, "path")}.`);
      let body: unknown = undefined;
      if (options.body) {
        const text = await readBodyText(request, options.maxBodyBytes ?? defaultMaxBodyBytes);
        let json: unknown;
        try {
          json = text.trim() ? JSON.parse(text) : {};
        } catch {
          return errorResponse(400, "bad_request:malformed_json", "The request body is not valid JSON.");
        }
        const parsed = options.body.safeParse(json);
        if (!parsed.success) throw new DomainError("validation", describeZodError(parsed.error), { issues: zodIssues(parsed.error) });
        body = parsed.data;
      }
      const db = await getDb();
      const result = await handler({
        db,
        staff,
        ctx: { ...staff.ctx, station },
        body: body as B,
        params: (params?.data ?? {}) as P,
        request,
      });
      return Response.json(result ?? {}, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      return toErrorResponse(error, where, { forScreens: true });
    }
  };
}

export type StaffFileArgs<P> = { db: Db; staff: CurrentStaff; ctx: StaffContext; params: P; request: Request };

/**
 * staffRoute for answers that are files (PDF, ZPL, photos): the same session, role and center
 * checks and path params, then the handler's own Response; refusals are JSON errors as usual.
 */
export function staffFileRoute<P = Record<string, never>>(
  options: { roles?: readonly Role[]; params?: z.ZodType<P> },
  handler: (args: StaffFileArgs<P>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const where = `${request.method} ${new URL(request.url).pathname}`;
    try {
      const staff = await requireStaff(options.roles);
      const station = request.headers.get("x-legit-station")?.slice(0, 40) || "web";
      const params = options.params ? options.params.safeParse(await context.params) : null;
      if (params && !params.success) throw new DomainError("not_found", `Nothing here: ${describeZodError(params.error, "path")}.`);
      const db = await getDb();
      return await handler({ db, staff, ctx: { ...staff.ctx, station }, params: (params?.data ?? {}) as P, request });
    } catch (error) {
      return toErrorResponse(error, where);
    }
  };
}

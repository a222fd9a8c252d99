import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { withPolicy } from "@/lib/http/route-policy";
import { authenticateApiRequest, type ApiCaller } from "@/lib/api/api-clients";
import { describeZodError, toErrorResponse } from "./error-response";
import { pathParams, readJsonBody, type RouteContext } from "./request-input";
import { jsonAnswer } from "./json-answer";

export type ApiHandlerArgs<B, P, Q> = { db: Db; caller: ApiCaller; body: B; params: P; query: Q; request: Request };

/** What a handler returns: the JSON body, with a status other than 200 if need be. */
export type ApiResult = { status?: number; body: unknown; headers?: Record<string, string> };

export type ApiRouteOptions<B, P, Q> = {
  /** The process's database (routes pass getDb; tests pass their own). */
  db: () => Promise<Db>;
  body?: z.ZodType<B>;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  maxBodyBytes?: number;
};

/**
 * The one wrapper every /api/v1 route goes through, in this order: bearer token (401), text without
 * NUL bytes or lone surrogates in path and query (422), path params (404), body size (413), UTF-8 and
 * JSON syntax (400), the same text check on the body (422), body and query schemas (422), then the handler; any
 * refusal it throws becomes `{"error":{"code","message"}}` with its status.
 */
export function apiRoute<B = undefined, P = Record<string, never>, Q = undefined>(
  options: ApiRouteOptions<B, P, Q>,
  handler: (args: ApiHandlerArgs<B, P, Q>) => Promise<ApiResult>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return withPolicy(async (request: Request, context: RouteContext) => {
    const where = `${request.method} ${new URL(request.url).pathname}`;
    try {
      const db = await options.db();
      const caller = await authenticateApiRequest(db, request.headers.get("authorization"));

      const url = new URL(request.url);
      const params = await pathParams(url, context, options.params);

      let body: unknown = undefined;
      if (options.body) {
        const json = await readJsonBody(request, options.maxBodyBytes);
        const parsed = options.body.safeParse(json);
        if (!parsed.success) throw new DomainError("validation", describeZodError(parsed.error));
        body = parsed.data;
      }

      let query: unknown = undefined;
      if (options.query) {
        const parsed = options.query.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) throw new DomainError("validation", describeZodError(parsed.error, "query"));
        query = parsed.data;
      }

      const result = await handler({ db, caller, body: body as B, params, query: query as Q, request });
      return jsonAnswer(result.body, {
        status: result.status ?? 200,
        headers: { "cache-control": "no-store", ...result.headers },
      });
    } catch (error) {
      return toErrorResponse(error, where);
    }
  }, { kind: "api" });
}

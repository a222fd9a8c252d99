import type { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";
import { describeZodError } from "./error-response";
import { refuseUnsafeText } from "./input-text";
import { defaultMaxBodyBytes, readBodyText } from "./read-body";

/** Next.js passes route params as a promise. */
export type RouteContext = { params: Promise<Record<string, unknown>> };

/**
 * The route's path parameters, after the text check of path and query (NUL bytes, lone surrogates:
 * 422); a path that does not fit the schema is 404. Without a schema, no parameters.
 */
export async function pathParams<P>(url: URL, context: RouteContext, schema?: z.ZodType<P>): Promise<P> {
  const rawParams = await context.params;
  refuseUnsafeText(rawParams ?? {}, "path");
  refuseUnsafeText([...url.searchParams.entries()].flat(), "query");
  if (!schema) return {} as P;
  const params = schema.safeParse(rawParams);
  if (!params.success) throw new DomainError("not_found", `Nothing here: ${describeZodError(params.error, "path")}.`);
  return params.data;
}

/** The body as JSON (size-limited UTF-8 text, an empty body is `{}`; malformed JSON is 400), after the text check (422). */
export async function readJsonBody(request: Request, maxBytes = defaultMaxBodyBytes): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  let json: unknown = {};
  if (text.trim() !== "") {
    try {
      json = JSON.parse(text);
    } catch {
      throw new DomainError("bad_request:malformed_json", "The request body is not valid JSON.");
    }
  }
  refuseUnsafeText(json, "body");
  return json;
}

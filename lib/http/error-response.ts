import { z } from "zod";
import { isDataException } from "@/lib/errors/db-errors";
import { isDatabaseUnavailable } from "@/lib/errors/db-unavailable";
import { httpStatusOf, isDomainError } from "@/lib/errors/domain-error";
import { errorParams, fieldIssues, type ErrorParams, type FieldIssue } from "@/lib/errors/error-params";
import { jsonAnswer } from "./json-answer";

export type ApiErrorBody = { error: { code: string; message: string; params?: ErrorParams; fields?: FieldIssue[] } };

/** Seconds a client should wait before retrying while the database is unreachable. */
export const retryAfterSeconds = 5;

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra?: { params?: ErrorParams; fields?: FieldIssue[] },
  headers: Record<string, string> = {},
): Response {
  const body: ApiErrorBody = { error: { code, message, ...extra } };
  const retry: Record<string, string> = status === 503 ? { "retry-after": String(retryAfterSeconds) } : {};
  return jsonAnswer(body, { status, headers: { "cache-control": "no-store", ...retry, ...headers } });
}

/** "items.0.price: Invalid input: expected number, received string; buyer: required for a trade order" */
export function describeZodError(error: z.ZodError, root = "body"): string {
  return error.issues
    .slice(0, 10)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join(".") : root}: ${issue.message}`)
    .join("; ");
}

/**
 * Maps anything thrown to the API's error shape (for the screens also `params` and `fields`): domain refusals keep their code and message;
 * an unreachable database is 503 with Retry-After; a value the database itself refused is 422;
 * anything else is logged here and answered with a generic 500, never a stack trace.
 */
export function toErrorResponse(error: unknown, where: string, options: { forScreens?: boolean } = {}): Response {
  if (isDomainError(error)) {
    // Screens render the code + params in the user's language; the public API keeps code + message.
    const extra = options.forScreens ? { params: errorParams(error), fields: fieldIssues(error) } : undefined;
    return errorResponse(httpStatusOf(error), error.code, error.message, extra);
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[api] ${where}: database unavailable:`, (error as Error)?.message ?? error);
    return errorResponse(503, "unavailable:database", "The service is briefly unavailable. Try again shortly.");
  }
  if (isDataException(error)) {
    // A backstop: the wrappers and schemas should refuse such input before the database sees it.
    console.error(`[api] ${where}: input the database refused:`, (error as Error)?.message ?? error);
    return errorResponse(422, "validation:data", "A value in the request cannot be stored (out of range or unreadable text).");
  }
  console.error(`[api] ${where} failed:`, error);
  return errorResponse(500, "internal", "Something went wrong on our side. Try again later; if it persists, contact the center.");
}

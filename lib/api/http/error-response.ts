import { z } from "zod";
import { httpStatusOf, isDomainError } from "@/lib/errors/domain-error";
import { errorParams, fieldIssues, type ErrorParams, type FieldIssue } from "@/lib/errors/error-params";

export type ApiErrorBody = { error: { code: string; message: string; params?: ErrorParams; fields?: FieldIssue[] } };

export function errorResponse(status: number, code: string, message: string, extra?: { params?: ErrorParams; fields?: FieldIssue[] }): Response {
  const body: ApiErrorBody = { error: { code, message, ...extra } };
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
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
 * anything else is logged here and answered with a generic 500, never a stack trace.
 */
export function toErrorResponse(error: unknown, where: string, options: { forScreens?: boolean } = {}): Response {
  if (isDomainError(error)) {
    // Screens render the code + params in the user's language; the public API keeps code + message.
    const extra = options.forScreens ? { params: errorParams(error), fields: fieldIssues(error) } : undefined;
    return errorResponse(httpStatusOf(error), error.code, error.message, extra);
  }
  console.error(`[api] ${where} failed:`, error);
  return errorResponse(500, "internal", "Something went wrong on our side. Try again later; if it persists, contact the center.");
}

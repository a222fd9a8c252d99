import { z } from "zod";
import { httpStatusOf, isDomainError } from "@/lib/errors/domain-error";

export type ApiErrorBody = { error: { code: string; message: string } };

export function errorResponse(status: number, code: string, message: string): Response {
  const body: ApiErrorBody = { error: { code, message } };
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
 * Maps anything thrown to the API's error shape: domain refusals keep their code and message;
 * anything else is logged here and answered with a generic 500, never a stack trace.
 */
export function toErrorResponse(error: unknown, where: string): Response {
  if (isDomainError(error)) return errorResponse(httpStatusOf(error), error.code, error.message);
  console.error(`[api] ${where} failed:`, error);
  return errorResponse(500, "internal", "Something went wrong on our side. Try again later; if it persists, contact the center.");
}

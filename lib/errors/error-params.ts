import type { z } from "zod";
import type { DomainError } from "./domain-error";

/** ICU params for a screen's text: the flat string/number values of a DomainError's details. */
export type ErrorParams = Record<string, string | number>;
/** One invalid form field: its path ("points.3.key") and the zod issue code ("too_small"). */
export type FieldIssue = { field: string; code: string };

export function errorParams(error: DomainError): ErrorParams {
  const params: ErrorParams = {};
  for (const [key, value] of Object.entries(error.details ?? {})) {
    if (typeof value === "string" || typeof value === "number") params[key] = value;
  }
  return params;
}

/** Per-field issues carried by a validation error (from zod), for forms to show beside each field. */
export function fieldIssues(error: DomainError): FieldIssue[] | undefined {
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return undefined;
  // zod issues carry `path`; rule issues (verdict-rules.ts) carry `field` and an error code.
  const fields = issues
    .map((i: { path?: unknown; field?: unknown; code?: unknown }) => ({ field: i?.path ?? i?.field, code: i?.code }))
    .filter((i): i is { field: string; code: unknown } => typeof i.field === "string")
    .map((i) => ({ field: i.field, code: typeof i.code === "string" ? i.code : "invalid" }));
  return fields.length ? fields : undefined;
}

export function zodIssues(error: z.ZodError): { path: string; code: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), code: i.code, message: i.message }));
}

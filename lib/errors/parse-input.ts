import type { z } from "zod";
import { DomainError } from "./domain-error";
import { zodIssues } from "./error-params";

/** Parses input with its zod schema; a bad input is a validation error people can read. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new DomainError("validation", message, { issues });
}

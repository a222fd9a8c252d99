import type { z } from "zod";
import { DomainError } from "./domain-error";

/** Parses input with its zod schema; a bad input is a validation error people can read. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new DomainError("validation", message, { issues });
}

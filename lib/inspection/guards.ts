import type { z } from "zod";
import type { Role } from "@/db/schema/users";
import { hasRole, type StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";

export function requireRole(ctx: StaffContext, allowed: readonly Role[], message: string): void {
  if (!hasRole(ctx.role, allowed)) throw new DomainError("forbidden:role", message);
}

export const requireInspector = (ctx: StaffContext) => requireRole(ctx, ["inspector"], "Only inspectors can do this.");
export const requireManager = (ctx: StaffContext) => requireRole(ctx, ["manager"], "Only a manager can do this.");

/** A unique-index violation, whichever driver raised it (drizzle wraps driver errors in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return true;
  }
  return false;
}

/** Parses input with its zod schema; a bad input is a validation error people can read. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new DomainError("validation", message, { issues });
}

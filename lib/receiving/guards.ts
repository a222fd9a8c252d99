import { z } from "zod";
import type { Role } from "@/db/schema/users";
import { hasRole, type StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";

export function requireRole(ctx: StaffContext, allowed: readonly Role[], message: string): void {
  if (!hasRole(ctx.role, allowed)) throw new DomainError("forbidden:role", message);
}

/** Receiving is floor work for operators; managers and admins may step in. */
export const requireReceiver = (ctx: StaffContext) => requireRole(ctx, ["operator"], "Only receiving operators and managers can do this.");
export const requireManager = (ctx: StaffContext) => requireRole(ctx, ["manager"], "Only a manager can do this.");

/** Parses input with its zod schema; a bad input is a validation error people can read. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new DomainError("validation", message, { issues });
}

/** A unique-index violation, whichever driver raised it (drizzle wraps driver errors in `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return !constraint || e.constraint === constraint || e.constraint_name === constraint;
  }
  return false;
}

/** The client-made id of a scan request (see withScanId). */
export const scanIdSchema = z.string().trim().min(1).max(200);

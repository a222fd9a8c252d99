import type { Role } from "@/db/schema/users";
import { DomainError } from "@/lib/errors/domain-error";
import { hasRole, type StaffContext } from "./staff-context";

/** Domain functions check the role themselves too, so no screen or route can forget it. */
export function requireRole(ctx: StaffContext, allowed: readonly Role[], message: string): void {
  if (!hasRole(ctx.role, allowed)) throw new DomainError("forbidden:role", message);
}

export const requireManager = (ctx: StaffContext) => requireRole(ctx, ["manager"], "Only a manager can do this.");

import { requireRole } from "@/lib/auth/require-role";
import type { StaffContext } from "@/lib/auth/staff-context";

export { requireManager } from "@/lib/auth/require-role";
export { isUniqueViolation } from "@/lib/errors/db-errors";
export { parseInput } from "@/lib/errors/parse-input";

export const requireInspector = (ctx: StaffContext) => requireRole(ctx, ["inspector"], "Only inspectors can do this.");

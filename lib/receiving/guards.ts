import { z } from "zod";
import { requireRole } from "@/lib/auth/require-role";
import type { StaffContext } from "@/lib/auth/staff-context";

export { requireManager } from "@/lib/auth/require-role";
export { isUniqueViolation } from "@/lib/errors/db-errors";
export { parseInput } from "@/lib/errors/parse-input";

/** Receiving is floor work for operators; managers and admins may step in. */
export const requireReceiver = (ctx: StaffContext) => requireRole(ctx, ["operator"], "Only receiving operators and managers can do this.");

/** The client-made id of a scan request (see withScanId). */
export const scanIdSchema = z.string().trim().min(1).max(200);

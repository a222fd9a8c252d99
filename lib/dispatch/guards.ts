import { z } from "zod";
import { requireRole } from "@/lib/auth/require-role";
import type { StaffContext } from "@/lib/auth/staff-context";

export { requireManager } from "@/lib/auth/require-role";
export { parseInput } from "@/lib/errors/parse-input";

/** Picking, packing and handover are floor work for operators; managers and admins may step in. */
export const requireDispatcher = (ctx: StaffContext) => requireRole(ctx, ["operator"], "Only floor operators and managers can do this.");

export const scanIdSchema = z.string().trim().min(1).max(200);

import { z } from "zod";
import { requireRole } from "@/lib/auth/require-role";
import type { StaffContext } from "@/lib/auth/staff-context";

export { requireManager } from "@/lib/auth/require-role";
export { parseInput } from "@/lib/errors/parse-input";
export { scanIdSchema } from "@/lib/receiving/guards";

/** Putaway, moves and counting are floor work for operators; managers may step in. */
export const requireStorageOperator = (ctx: StaffContext) => requireRole(ctx, ["operator"], "Only warehouse operators and managers can do this.");

/** A bin code as scanned or typed: trimmed, upper case. */
export const binCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^BIN-[A-Z0-9]+-[A-Z0-9]+-[A-Z0-9]+-[A-Z0-9]+$/, "not a bin code (BIN-zone-aisle-rack-level)");

export const itemCodeInputSchema = z.string().trim().min(1).max(40);

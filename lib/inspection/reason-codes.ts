import { and, asc, eq, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { categories, reasonCodes, verdicts, type ReasonCode, type Verdict } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput, requireManager } from "./guards";

/**
 * The center's reason codes. With `category`, only those usable for it (category-specific and
 * general ones); with `verdict`, only those that can justify it. Inactive ones only on request.
 */
export async function listReasonCodes(
  q: Queryable,
  centerId: string,
  filter: { category?: string; verdict?: Verdict; includeInactive?: boolean } = {},
): Promise<ReasonCode[]> {
  const conditions = [eq(reasonCodes.centerId, centerId)];
  if (!filter.includeInactive) conditions.push(eq(reasonCodes.active, true));
  if (filter.category) conditions.push(or(isNull(reasonCodes.category), eq(reasonCodes.category, filter.category))!);
  const rows = await q
    .select()
    .from(reasonCodes)
    .where(and(...conditions))
    .orderBy(asc(reasonCodes.code));
  return filter.verdict ? rows.filter((r) => r.verdicts.includes(filter.verdict!)) : rows;
}

export const saveReasonCodeSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,39}$/, "Use capital letters, digits and _ for a reason code."),
  category: z.enum(categories).nullable().default(null),
  labelEn: z.string().trim().min(1, "English label is required.").max(200),
  labelKo: z.string().trim().min(1, "Korean label is required.").max(200),
  verdicts: z
    .array(z.enum(verdicts).exclude(["pass"]))
    .min(1, "Choose at least one verdict the reason can justify.")
    .transform((v) => [...new Set(v)]),
  active: z.boolean().default(true),
});
export type SaveReasonCodeInput = z.input<typeof saveReasonCodeSchema>;

/**
 * Creates a reason code or updates the one with the same code. Inspections keep the codes they
 * recorded; label changes show on old inspections too.
 */
export async function saveReasonCode(db: Db, ctx: StaffContext, input: SaveReasonCodeInput): Promise<ReasonCode> {
  requireManager(ctx);
  const data = parseInput(saveReasonCodeSchema, input);
  const [row] = await db
    .insert(reasonCodes)
    .values({ centerId: ctx.centerId, ...data })
    .onConflictDoUpdate({
      target: [reasonCodes.centerId, reasonCodes.code],
      set: { category: data.category, labelEn: data.labelEn, labelKo: data.labelKo, verdicts: data.verdicts, active: data.active },
    })
    .returning();
  return row;
}

/** Hides a reason code from new verdicts; past inspections keep it. */
export async function setReasonCodeActive(db: Db, ctx: StaffContext, input: { code: string; active: boolean }): Promise<ReasonCode> {
  requireManager(ctx);
  const [row] = await db
    .update(reasonCodes)
    .set({ active: input.active })
    .where(and(eq(reasonCodes.centerId, ctx.centerId), eq(reasonCodes.code, input.code.trim().toUpperCase())))
    .returning();
  if (!row) throw new DomainError("not_found:reason_code", `There is no reason code ${input.code}.`);
  return row;
}

export const deactivateReasonCode = (db: Db, ctx: StaffContext, input: { code: string }) =>
  setReasonCodeActive(db, ctx, { code: input.code, active: false });

import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { checklists, inspections, type ChecklistResult } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput, requireInspector } from "./guards";
import { lockInspectionAndItem, requireOpenClaim } from "./lock-inspection";

export const checklistResultSchema = z.object({
  key: z.string().min(1).max(40),
  ok: z.boolean(),
  note: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((n) => (n ? n : undefined)),
});

export const saveChecklistResultsSchema = z.object({
  inspectionId: z.uuid(),
  results: z.array(checklistResultSchema).min(1).max(100),
});
export type SaveChecklistResultsInput = z.input<typeof saveChecklistResultsSchema>;

/**
 * Records ok / not ok (and a note) for checklist points. Results are merged by point, so the
 * tablet may send one tap at a time; the answer is the full list in checklist order.
 */
export async function saveChecklistResults(db: Db, ctx: StaffContext, input: SaveChecklistResultsInput): Promise<ChecklistResult[]> {
  requireInspector(ctx);
  const data = parseInput(saveChecklistResultsSchema, input);
  return db.transaction(async (tx) => {
    const { inspection, item } = await lockInspectionAndItem(tx, ctx.centerId, data.inspectionId);
    requireOpenClaim(inspection, item, ctx.userId, "change its checklist");
    const [checklist] = inspection.checklistId ? await tx.select().from(checklists).where(eq(checklists.id, inspection.checklistId)) : [];
    const order = (checklist?.points ?? []).map((p) => p.key);
    const unknown = data.results.filter((r) => !order.includes(r.key)).map((r) => r.key);
    if (unknown.length > 0) {
      throw new DomainError("validation:checklist_point", `Not on this inspection's checklist: ${unknown.join(", ")}.`);
    }
    const byKey = new Map(inspection.results.map((r) => [r.key, r]));
    for (const r of data.results) byKey.set(r.key, r.note ? { key: r.key, ok: r.ok, note: r.note } : { key: r.key, ok: r.ok });
    const merged = order.flatMap((key) => byKey.get(key) ?? []);
    await tx.update(inspections).set({ results: merged }).where(eq(inspections.id, inspection.id));
    return merged;
  });
}

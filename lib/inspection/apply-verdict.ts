import { and, count, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { checklists, inspectionPhotos, items, reasonCodes, type Inspection, type Item, type ReasonCode, type Verdict } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import type { ItemEventDetails } from "@/lib/events/catalogue";
import { applyTransition, type Actor, type LockedItem } from "@/lib/items/apply-transition";
import { composeDefectNote, decideVerdict, type ItemStep, type VerdictDecision, type VerdictRulesInput } from "./verdict-rules";

/** The center's reason codes, all of them (rules filter by verdict, category and active). */
export async function loadReasons(q: Queryable, centerId: string): Promise<ReasonCode[]> {
  return reasonsOfCenter(q, { centerId });
}

// The reads of every verdict, their SQL built once (db/reusable-query.ts).
const reasonsOfCenter = reusableQuery((q) => q.select().from(reasonCodes).where(eq(reasonCodes.centerId, sql.placeholder("centerId"))));
const photosOfInspection = reusableQuery((q) =>
  q.select({ photos: count() }).from(inspectionPhotos).where(eq(inspectionPhotos.inspectionId, sql.placeholder("inspectionId"))),
);
const checklistById = reusableQuery((q) => q.select().from(checklists).where(eq(checklists.id, sql.placeholder("checklistId"))));

/**
 * Judges a verdict recorded on an inspection (the inspector's, or a reviewer's overturn) by the
 * center's rules, with the inspection's photos and checklist answers as they stand. A refusal throws
 * every issue at once, under the first one's code.
 */
export async function judgeVerdict(tx: Tx, input: Omit<VerdictRulesInput, "photoCount" | "checklist" | "item"> & { inspection: Inspection; item: Item }): Promise<VerdictDecision> {
  const { inspection, ...rules } = input;
  const [{ photos }] = await photosOfInspection(tx, { inspectionId: inspection.id });
  const [checklist] = inspection.checklistId ? await checklistById(tx, { checklistId: inspection.checklistId }) : [];
  const decision = decideVerdict({
    ...rules,
    photoCount: Number(photos),
    checklist: checklist ? { points: checklist.points, results: inspection.results, highValueMinPhotos: checklist.highValueMinPhotos } : null,
  });
  if (!decision.ok) {
    const [first] = decision.issues;
    throw new DomainError(first.code, decision.issues.map((i) => i.message).join(" "), {
      item: input.item.code ?? "—",
      verdict: input.verdict,
      ...first.params,
      issues: decision.issues,
    });
  }
  return decision;
}

/** Defect note disclosed for a pass with a minor defect: reason labels (en / ko) and the note. */
export function defectNoteFor(verdict: Verdict, codes: readonly string[], reasons: readonly ReasonCode[], note: string | null | undefined) {
  if (verdict !== "pass_minor_defect") return null;
  const labels = codes.map((code) => {
    const r = reasons.find((x) => x.code === code);
    return r ? `${r.labelEn} / ${r.labelKo}` : code;
  });
  return composeDefectNote(labels, note);
}

/**
 * Applies a verdict's transitions one after the other in the caller's transaction. With `locked`
 * (the item as the caller locked it, unchanged since) no step reads the item again: each one
 * continues from the row the previous one wrote.
 */
export async function applyItemSteps(
  tx: Tx,
  input: { item: Item; steps: readonly ItemStep[]; actor: Actor; details: ItemEventDetails; defectNote: string | null; locked?: LockedItem },
): Promise<Item> {
  let current = input.item;
  let locked = input.locked;
  for (const step of input.steps) {
    const set: Partial<typeof items.$inferInsert> = {};
    if (step.destination) set.destination = step.destination;
    if (step.setDefectNote) set.defectNote = input.defectNote;
    ({ item: current, locked } = await applyTransition(tx, {
      itemId: current.id,
      action: step.action,
      actor: input.actor,
      centerId: current.centerId,
      set,
      details: input.details,
      locked,
    }));
  }
  return current;
}

/**
 * Sets the disclosed defect note on an item that stays where it is (held for the buyer after review).
 * Not a transition, so the version (the number of transitions: lib/invariants) stays.
 */
export async function setDefectNote(tx: Tx, item: Item, defectNote: string): Promise<Item> {
  const [updated] = await tx
    .update(items)
    .set({ defectNote, updatedAt: sql`now()` })
    .where(and(eq(items.id, item.id), eq(items.centerId, item.centerId)))
    .returning();
  return updated;
}

/** What goes on the audit row and the outbox event of each transition of a verdict. */
export function verdictDetails(input: {
  inspectionId: string;
  verdict: Verdict;
  reasonCodes: readonly string[];
  penaltyRate: number | null;
  defectNote: string | null;
  extra?: ItemEventDetails;
}): ItemEventDetails {
  const details: ItemEventDetails = { inspectionId: input.inspectionId, verdict: input.verdict, reasonCodes: [...input.reasonCodes] };
  if (input.penaltyRate !== null) details.penaltyRate = input.penaltyRate;
  if (input.defectNote) details.defectNote = input.defectNote;
  return { ...details, ...input.extra };
}

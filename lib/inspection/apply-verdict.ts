import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { items, type Inspection, type Item, type ReasonCode, type Verdict } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import type { ItemEventDetails } from "@/lib/events/catalogue";
import { applyTransition, type Actor, type LockedItem } from "@/lib/items/apply-transition";
import type { InspectionRules } from "./lock-inspection-with-rules";
import { composeDefectNote, decideVerdict, type ItemStep, type VerdictDecision, type VerdictRulesInput } from "./verdict-rules";

/**
 * Judges a verdict recorded on an inspection (the inspector's, or a reviewer's overturn) by the
 * center's rules, with the inspection's photos and checklist answers as they stand. A refusal throws
 * every issue at once, under the first one's code.
 */
export function judgeVerdict(
  input: Omit<VerdictRulesInput, "photoCount" | "checklist" | "item"> & {
    inspection: Inspection;
    item: Item;
    /** The photo count and checklist, as read with the inspection's lock (lockInspectionWithRules). */
    evidence: Pick<InspectionRules, "photoCount" | "checklist">;
  },
): VerdictDecision {
  const { inspection, evidence, ...rules } = input;
  const { photoCount, checklist } = evidence;
  const decision = decideVerdict({
    ...rules,
    photoCount,
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

import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { inspections, items, products, verdicts, type ItemState, type Verdict } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { productOfItem } from "@/lib/catalog/item-row-columns";
import { DomainError } from "@/lib/errors/domain-error";
import { appendItemEvent } from "@/lib/events/append-outbox-event";
import { recordItemEvent, staffActor } from "@/lib/items/apply-transition";
import { applyItemSteps, defectNoteFor, judgeVerdict, setDefectNote, verdictDetails } from "./apply-verdict";
import { lockedInspectionAction, staffName } from "./inspector-action";
import { inspectedItemColumns, inspectionsWithInspector, itemOfInspection } from "./inspection-joins";
import type { LockedInspectionWithRules } from "./lock-inspection-with-rules";
import { inspectorNoteSchema, reasonCodesSchema } from "./submit-verdict";
import { checkReviewer, penaltyRateFor, verdictLabel, verdictPath, type ItemStep, type ReviewReason } from "./verdict-rules";

/** Verdicts waiting for a second inspector, oldest first. */
export async function listReviewQueue(q: Queryable, centerId: string) {
  const rows = await inspectionsWithInspector(q, {
    ...inspectedItemColumns,
    sku: items.sku,
    category: items.category,
    size: items.size,
    price: items.price,
    type: items.type,
    verdict: inspections.verdict,
    reasonCodes: inspections.reasonCodes,
    note: inspections.note,
    submittedAt: inspections.submittedAt,
  })
    .innerJoin(items, itemOfInspection)
    .leftJoin(products, productOfItem)
    .where(and(eq(inspections.centerId, centerId), eq(inspections.status, "awaiting_review")))
    .orderBy(asc(inspections.submittedAt));
  return rows.map((r) => ({
    ...r,
    verdict: r.verdict!,
    reviewReason: (r.verdict === "fail_counterfeit" ? "counterfeit" : "price") as ReviewReason,
    /** Only a senior inspector (or manager) may take it. */
    seniorRequired: r.verdict === "fail_counterfeit",
  }));
}
export type ReviewQueueEntry = Awaited<ReturnType<typeof listReviewQueue>>[number];

export const reviewVerdictSchema = z
  .object({
    scanId: z.string().trim().min(1).max(100),
    inspectionId: z.uuid(),
    decision: z.enum(["confirm", "overturn"]),
    verdict: z.enum(verdicts).optional(),
    reasonCodes: reasonCodesSchema,
    note: inspectorNoteSchema,
  })
  .refine((v) => v.decision === "confirm" || v.verdict, { message: "Choose the verdict that replaces the original.", path: ["verdict"] });
export type ReviewVerdictInput = z.input<typeof reviewVerdictSchema>;

export type ReviewResult = {
  inspectionId: string;
  itemId: string;
  itemCode: string | null;
  decision: "confirm" | "overturn";
  originalVerdict: Verdict;
  /** The verdict that now stands. */
  verdict: Verdict;
  reasonCodes: string[];
  itemState: ItemState;
  penaltyRate: number | null;
  defectNote: string | null;
  awaitingBuyerDecision: boolean;
  repeated: boolean;
};

/**
 * A second inspector confirms or overturns a held verdict. Never the same person; a counterfeit
 * (original or new) needs a senior inspector. The item then takes the standing verdict's path
 * from `held`.
 */
export function reviewVerdict(db: Db, ctx: StaffContext, input: ReviewVerdictInput, now: Date = new Date()): Promise<ReviewResult> {
  return lockedInspectionAction(db, ctx, { kind: "inspection.review", schema: reviewVerdictSchema, input }, (tx, locked, data) =>
    reviewInTx(tx, ctx, locked, data, now),
  );
}

async function reviewInTx(
  tx: Tx,
  ctx: StaffContext,
  { inspection, item, locked, rules }: LockedInspectionWithRules,
  data: z.output<typeof reviewVerdictSchema>,
  now: Date,
): Promise<Omit<ReviewResult, "repeated">> {
  const label = item.code ?? "This item";
  if (inspection.status !== "awaiting_review") {
    if (inspection.status === "done" && inspection.reviewerId) {
      const by = await staffName(tx, inspection.reviewerId);
      throw new DomainError(
        "conflict:already_reviewed",
        `${label} was already reviewed by ${by ?? "another inspector"} (${verdictLabel(inspection.reviewVerdict!)}).`,
        { item: item.code ?? "—", name: by ?? "—", verdict: inspection.reviewVerdict! },
      );
    }
    throw new DomainError("conflict:not_awaiting_review", `The inspection of ${label} is not waiting for a review.`, { item: item.code ?? "—" });
  }
  const original = inspection.verdict!;
  const newVerdict = data.decision === "overturn" ? data.verdict! : original;
  const refused = checkReviewer({ inspectorId: inspection.inspectorId, reviewerId: ctx.userId, reviewerRole: ctx.role, originalVerdict: original, newVerdict });
  if (refused.length > 0) throw new DomainError(refused[0].code, refused[0].message, { item: item.code ?? "—" });
  if (data.decision === "overturn" && !data.note) {
    throw new DomainError("validation:overturn_note", "Write a note saying why you overturn the verdict.", { item: item.code ?? "—" });
  }

  const { reasons, settings } = rules;
  let codes: string[];
  let steps: ItemStep[];
  let awaitingBuyerDecision: boolean;
  let defectNote: string | null;
  if (data.decision === "confirm") {
    codes = inspection.reasonCodes;
    steps = verdictPath(original, item.type, "held");
    awaitingBuyerDecision = original === "pass_minor_defect" && item.type === "trade";
    defectNote = defectNoteFor(original, codes, reasons, inspection.note);
  } else {
    const decision = judgeVerdict({ inspection, item, verdict: newVerdict, reasonCodes: data.reasonCodes, settings, role: ctx.role, reasons, asReviewer: true, evidence: rules });
    codes = data.reasonCodes;
    steps = decision.steps;
    awaitingBuyerDecision = decision.awaitingBuyerDecision;
    defectNote = defectNoteFor(newVerdict, codes, reasons, data.note);
  }
  const penaltyRate = penaltyRateFor(newVerdict, settings.penaltyRates);
  const actor = staffActor(ctx);
  const details = verdictDetails({
    inspectionId: inspection.id,
    verdict: newVerdict,
    reasonCodes: codes,
    penaltyRate,
    defectNote,
    extra: {
      review: data.decision,
      originalVerdict: original,
      inspectorId: inspection.inspectorId,
      reviewerId: ctx.userId,
      ...(awaitingBuyerDecision ? { awaitingBuyerDecision: true } : {}),
    },
  });

  let current = item;
  // A trade item with a disclosed defect stays held for the buyer: only its note changes.
  if (steps.length === 0 && defectNote) current = await setDefectNote(tx, current, defectNote);
  await recordItemEvent(tx, { item: current, action: "review", actor, details });
  await appendItemEvent(tx, { item: current, action: "reviewed", from: current.state, to: current.state, actor, details });
  // The item as locked with the inspection, when nothing above changed it: the first step does not read it again.
  current = await applyItemSteps(tx, { item: current, steps, actor, details, defectNote, locked: current === item ? locked : undefined });

  await tx
    .update(inspections)
    .set({ reviewerId: ctx.userId, reviewVerdict: newVerdict, reviewNote: data.note, reviewedAt: now, status: "done" })
    .where(eq(inspections.id, inspection.id));

  return {
    inspectionId: inspection.id,
    itemId: item.id,
    itemCode: item.code,
    decision: data.decision,
    originalVerdict: original,
    verdict: newVerdict,
    reasonCodes: codes,
    itemState: current.state,
    penaltyRate,
    defectNote,
    awaitingBuyerDecision,
  };
}

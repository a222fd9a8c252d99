import { staffActor } from "@/lib/items/apply-transition";
import { eq, sql } from "drizzle-orm";
import { reusableQuery } from "@/db/reusable-query";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { inspections, verdicts, type InspectionStatus, type ItemState, type Verdict } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyItemSteps, defectNoteFor, judgeVerdict, verdictDetails } from "./apply-verdict";
import type { LockedInspectionWithRules } from "./lock-inspection-with-rules";
import { lockedInspectionAction, staffName } from "./inspector-action";
import { requireOpenClaim } from "./lock-inspection";
import { verdictLabel, type ReviewReason } from "./verdict-rules";

export const reasonCodesSchema = z
  .array(z.string().trim().toUpperCase().min(1))
  .max(20)
  .default([])
  .transform((codes) => [...new Set(codes)]);

/** An inspector's free note: trimmed, at most 1000 characters, empty → null. */
export const inspectorNoteSchema = z
  .string()
  .trim()
  .max(1000)
  .optional()
  .transform((n) => n || null);

export const submitVerdictSchema = z.object({
  scanId: z.string().trim().min(1).max(100),
  inspectionId: z.uuid(),
  verdict: z.enum(verdicts),
  reasonCodes: reasonCodesSchema,
  note: inspectorNoteSchema,
});
export type SubmitVerdictInput = z.input<typeof submitVerdictSchema>;

export type VerdictResult = {
  inspectionId: string;
  itemId: string;
  itemCode: string | null;
  verdict: Verdict;
  status: InspectionStatus;
  itemState: ItemState;
  needsReview: boolean;
  reviewReason: ReviewReason | null;
  penaltyRate: number | null;
  defectNote: string | null;
  awaitingBuyerDecision: boolean;
  durationMs: number;
  /** A repeated scan id: this is the first answer, nothing was done again. */
  repeated: boolean;
};

/**
 * Records the inspector's verdict and moves the item on, all in one transaction: the inspection
 * row, the item's transitions with their audit rows and outbox events. A verdict that needs a
 * second look holds the item and waits in the review queue instead.
 */
export function submitVerdict(db: Db, ctx: StaffContext, input: SubmitVerdictInput, now: Date = new Date()): Promise<VerdictResult> {
  return lockedInspectionAction(db, ctx, { kind: "inspection.verdict", schema: submitVerdictSchema, input }, (tx, locked, data) =>
    submitInTx(tx, ctx, locked, data, now),
  );
}

async function submitInTx(
  tx: Tx,
  ctx: StaffContext,
  { inspection, item, locked, rules }: LockedInspectionWithRules,
  data: z.output<typeof submitVerdictSchema>,
  now: Date,
): Promise<Omit<VerdictResult, "repeated">> {
  if (inspection.status === "done" || inspection.status === "awaiting_review") {
    const by = await staffName(tx, inspection.inspectorId);
    const what = inspection.status === "done" ? "" : ", waiting for review";
    throw new DomainError(
      "conflict:inspection_closed",
      `${item.code ?? "This item"} already has a verdict (${verdictLabel(inspection.verdict!)} by ${by ?? "another inspector"}${what}); it cannot be changed here.`,
      { item: item.code ?? "—", verdict: inspection.verdict!, status: inspection.status },
    );
  }
  requireOpenClaim(inspection, item, ctx.userId, "record its verdict");

  const { settings, reasons } = rules;
  const decision = judgeVerdict({ inspection, item, verdict: data.verdict, reasonCodes: data.reasonCodes, settings, role: ctx.role, reasons, evidence: rules });

  const defectNote = decision.needsReview ? null : defectNoteFor(data.verdict, data.reasonCodes, reasons, data.note);
  const details = verdictDetails({
    inspectionId: inspection.id,
    verdict: data.verdict,
    reasonCodes: data.reasonCodes,
    penaltyRate: decision.needsReview ? null : decision.penaltyRate,
    defectNote,
    extra: decision.needsReview
      ? { awaitingReview: true, reviewReason: decision.reviewReason }
      : decision.awaitingBuyerDecision
        ? { awaitingBuyerDecision: true }
        : undefined,
  });
  const moved = await applyItemSteps(tx, { item, steps: decision.steps, actor: staffActor(ctx), details, defectNote, locked });

  // The column is a 32-bit integer: a claim left open for weeks is capped rather than refused.
  const durationMs = Math.min(2_147_483_647, Math.max(0, now.getTime() - inspection.claimedAt.getTime()));
  await recordVerdict(tx, {
    verdict: data.verdict,
    reasonCodes: data.reasonCodes,
    note: data.note,
    submittedAt: now,
    durationMs,
    status: decision.inspectionStatus,
    inspectionId: inspection.id,
  });

  return {
    inspectionId: inspection.id,
    itemId: item.id,
    itemCode: item.code,
    verdict: data.verdict,
    status: decision.inspectionStatus,
    itemState: moved.state,
    needsReview: decision.needsReview,
    reviewReason: decision.reviewReason,
    penaltyRate: decision.penaltyRate,
    defectNote,
    awaitingBuyerDecision: decision.awaitingBuyerDecision,
    durationMs,
  };
}

// Its SQL built once (db/reusable-query.ts).
const recordVerdict = reusableQuery((q) =>
  q
    .update(inspections)
    .set({
      verdict: sql.placeholder("verdict"),
      reasonCodes: sql.placeholder("reasonCodes"),
      note: sql.placeholder("note"),
      submittedAt: sql.placeholder("submittedAt"),
      durationMs: sql.placeholder("durationMs"),
      status: sql.placeholder("status"),
    } as unknown as Partial<typeof inspections.$inferInsert>)
    .where(eq(inspections.id, sql.placeholder("inspectionId"))),
);

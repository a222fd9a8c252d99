import type { CenterSettings } from "@/db/schema/centers";
import type { ChecklistPoint, ChecklistResult, ReasonCode, Verdict } from "@/db/schema/inspection";
import type { Destination } from "@/db/schema/items";
import type { OrderType } from "@/db/schema/orders";
import type { Role } from "@/db/schema/users";
import { hasRole, roleRank } from "@/lib/auth/staff-context";
import type { ErrorKind } from "@/lib/errors/domain-error";
import type { ItemAction } from "@/lib/items/transitions";

/**
 * The inspection rules, without a database: what a verdict needs (reasons, photos), whether it
 * needs a second look, the item's path afterwards, and the seller's penalty rate.
 */

export const failVerdicts = ["fail_counterfeit", "fail_used", "fail_defect", "fail_wrong_item", "fail_missing_parts"] as const;

/** Seller penalty rates when the center sets none (fraction of the price). */
export const defaultPenaltyRates: Record<(typeof failVerdicts)[number], number> = {
  fail_counterfeit: 0.15,
  fail_used: 0.15,
  fail_defect: 0.1,
  fail_wrong_item: 0.1,
  fail_missing_parts: 0.1,
};

export type VerdictIssue = {
  code: `${ErrorKind}:${string}`;
  message: string;
  field?: "verdict" | "reasonCodes" | "photos" | "reviewer" | "checklist";
  /** ICU params of the error text. */
  params?: Record<string, string | number>;
};

/** One transition of the item's path; `destination` and the defect note go on the item with it. */
export type ItemStep = { action: ItemAction; destination?: Destination; setDefectNote?: boolean };

export type ReviewReason = "counterfeit" | "price";

export type VerdictDecision = {
  ok: true;
  verdict: Verdict;
  /** The verdict waits for a second inspector (item held meanwhile). */
  needsReview: boolean;
  reviewReason: ReviewReason | null;
  /** Transitions to apply now. */
  steps: ItemStep[];
  inspectionStatus: "done" | "awaiting_review";
  /** Seller penalty rate for failed verdicts, else null. */
  penaltyRate: number | null;
  /** A trade item with a disclosed defect waits for the buyer's accept/refuse. */
  awaitingBuyerDecision: boolean;
};

export type VerdictRefusal = { ok: false; issues: VerdictIssue[] };

type ReasonRef = Pick<ReasonCode, "code" | "verdicts" | "category" | "active">;

export type VerdictRulesInput = {
  verdict: Verdict;
  reasonCodes: readonly string[];
  photoCount: number;
  item: { type: OrderType; price: number; category: string };
  settings: Partial<Pick<CenterSettings, "fourEyesPrice" | "penaltyRates">>;
  /** Role of whoever records the verdict. */
  role: Role;
  /** The center's reason codes (any category; filtered here). */
  reasons: readonly ReasonRef[];
  /** The inspection's checklist (its version) and answers; null when the category has none. */
  checklist?: { points: readonly ChecklistPoint[]; results: readonly ChecklistResult[]; highValueMinPhotos: number } | null;
  /**
   * Set when a reviewer records this verdict (overturn): the second look has happened, so it is
   * not asked for again and the path starts from `held`.
   */
  asReviewer?: boolean;
};

export const isFailVerdict = (v: Verdict): v is (typeof failVerdicts)[number] => (failVerdicts as readonly string[]).includes(v);

export function penaltyRateFor(verdict: Verdict, rates?: Record<string, number>): number | null {
  if (!isFailVerdict(verdict)) return null;
  const custom = rates?.[verdict];
  return typeof custom === "number" && custom >= 0 && custom <= 1 ? custom : defaultPenaltyRates[verdict];
}

/** Why a verdict would need a second inspector, or null. Counterfeit always does. */
export function reviewReasonFor(verdict: Verdict, price: number, fourEyesPrice: number | undefined): ReviewReason | null {
  if (verdict === "fail_counterfeit") return "counterfeit";
  if (typeof fourEyesPrice === "number" && price >= fourEyesPrice) return "price";
  return null;
}

/** Senior inspectors, managers and admins may decide a counterfeit. */
export const isSenior = (role: Role) => roleRank[role] >= roleRank.senior_inspector;

/** Reason codes usable for this verdict and category. */
export function reasonsFor(reasons: readonly ReasonRef[], verdict: Verdict, category: string): ReasonRef[] {
  return reasons.filter((r) => r.active && (r.category === null || r.category === category) && r.verdicts.includes(verdict));
}

/**
 * The item's transitions for a final verdict, from `in_inspection` (no review) or from `held`
 * (after a review). A trade item with a disclosed defect stays held for the buyer.
 */
export function verdictPath(verdict: Verdict, type: OrderType, from: "in_inspection" | "held"): ItemStep[] {
  const pass: ItemStep[] =
    type === "trade" ? [{ action: "pass" }, { action: "route_trade", destination: "buyer" }] : [{ action: "pass" }, { action: "route_storage" }];
  switch (verdict) {
    case "pass":
      return pass;
    case "pass_minor_defect":
      if (type === "trade") return from === "held" ? [] : [{ action: "hold", setDefectNote: true }];
      return [{ action: "pass", setDefectNote: true }, { action: "route_storage" }];
    case "fail_counterfeit":
      // Kept apart, not returned: a manager decides later (release_quarantine).
      return [{ action: "quarantine" }];
    default:
      return [{ action: "fail", destination: "seller" }, { action: "route_return", destination: "seller" }];
  }
}

function validateEvidence(input: VerdictRulesInput): VerdictIssue[] {
  const issues: VerdictIssue[] = [];
  const { verdict, reasonCodes, item } = input;
  const usable = new Set(reasonsFor(input.reasons, verdict, item.category).map((r) => r.code));
  const unusable = [...new Set(reasonCodes)].filter((code) => !usable.has(code));
  if (unusable.length > 0) {
    issues.push({
      code: "validation:reason_invalid",
      field: "reasonCodes",
      message: `Reason ${unusable.join(", ")} cannot justify "${verdictLabel(verdict)}" for ${item.category}.`,
    });
  }
  const minPhotos = input.checklist?.highValueMinPhotos ?? 1;
  const highValue = typeof input.settings.fourEyesPrice === "number" && item.price >= input.settings.fourEyesPrice;
  if (highValue && input.photoCount < minPhotos) {
    issues.push({
      code: "validation:photos_high_value",
      field: "photos",
      message: `An item of this value needs at least ${minPhotos} photo(s), even when it passes (${input.photoCount} taken).`,
      params: { min: minPhotos, count: input.photoCount },
    });
  }
  if (verdict === "pass") return issues;
  if (reasonCodes.length === 0) {
    issues.push({ code: "validation:reason_required", field: "reasonCodes", message: `Choose at least one reason for "${verdictLabel(verdict)}".` });
  }
  if (input.photoCount < 1) {
    issues.push({ code: "validation:photo_required", field: "photos", message: `Take at least one photo as evidence for "${verdictLabel(verdict)}".` });
  }
  return issues;
}

/** Required checklist points without an answer (the first inspector's verdict needs them all). */
export function unansweredRequiredPoints(checklist: VerdictRulesInput["checklist"]): ChecklistPoint[] {
  if (!checklist) return [];
  const answered = new Set(checklist.results.map((r) => r.key));
  return checklist.points.filter((p) => p.required !== false && !answered.has(p.key));
}

/** Checks a verdict and works out what follows from it. */
export function decideVerdict(input: VerdictRulesInput): VerdictDecision | VerdictRefusal {
  const issues: VerdictIssue[] = [];
  if (!hasRole(input.role, ["inspector"])) {
    issues.push({ code: "forbidden:role", field: "verdict", message: "Only inspectors can record verdicts." });
  }
  if (input.asReviewer && input.verdict === "fail_counterfeit" && !isSenior(input.role)) {
    issues.push({ code: "forbidden:senior_required", field: "reviewer", message: "Only a senior inspector can decide that an item is counterfeit." });
  }
  const unanswered = input.asReviewer ? [] : unansweredRequiredPoints(input.checklist);
  if (unanswered.length > 0) {
    issues.push({
      code: "validation:checklist_incomplete",
      field: "checklist",
      message: `Answer every required checklist point first: ${unanswered.length} open (${unanswered.map((p) => p.labelEn).join(", ")}).`,
      params: { count: unanswered.length, points: unanswered.map((p) => p.labelEn).join(", "), pointsKo: unanswered.map((p) => p.labelKo).join(", ") },
    });
  }
  issues.push(...validateEvidence(input));
  if (issues.length > 0) return { ok: false, issues };

  const reviewReason = input.asReviewer ? null : reviewReasonFor(input.verdict, input.item.price, input.settings.fourEyesPrice);
  const from = input.asReviewer ? "held" : "in_inspection";
  const steps: ItemStep[] = reviewReason ? [{ action: "hold" }] : verdictPath(input.verdict, input.item.type, from);
  return {
    ok: true,
    verdict: input.verdict,
    needsReview: reviewReason !== null,
    reviewReason,
    steps,
    inspectionStatus: reviewReason ? "awaiting_review" : "done",
    penaltyRate: penaltyRateFor(input.verdict, input.settings.penaltyRates),
    awaitingBuyerDecision: !reviewReason && input.verdict === "pass_minor_defect" && input.item.type === "trade",
  };
}

/**
 * May this person review that inspection? Never the inspector themself; a counterfeit (as the
 * original or the new verdict) needs a senior inspector or a manager.
 */
export function checkReviewer(input: {
  inspectorId: string;
  reviewerId: string;
  reviewerRole: Role;
  originalVerdict: Verdict;
  newVerdict?: Verdict;
}): VerdictIssue[] {
  if (!hasRole(input.reviewerRole, ["inspector"])) {
    return [{ code: "forbidden:role", field: "reviewer", message: "Only inspectors can review verdicts." }];
  }
  if (input.inspectorId === input.reviewerId) {
    return [{ code: "forbidden:same_person", field: "reviewer", message: "You recorded this verdict; a different inspector must review it." }];
  }
  const counterfeit = input.originalVerdict === "fail_counterfeit" || input.newVerdict === "fail_counterfeit";
  if (counterfeit && !isSenior(input.reviewerRole)) {
    return [{ code: "forbidden:senior_required", field: "reviewer", message: "A suspected counterfeit must be reviewed by a senior inspector." }];
  }
  return [];
}

/** The note disclosed to the buyer and shown at packing for a pass with a minor defect. */
export function composeDefectNote(reasonLabels: readonly string[], note: string | null | undefined): string {
  const parts = [reasonLabels.join(", "), note?.trim() ?? ""].filter((p) => p.length > 0);
  return parts.join(" — ");
}

export function verdictLabel(verdict: Verdict): string {
  return verdict.replace(/_/g, " ");
}

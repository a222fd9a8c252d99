import { describe, expect, it } from "vitest";
import type { ChecklistPoint, Verdict } from "@/db/schema/inspection";
import { checkReviewer, composeDefectNote, decideVerdict, penaltyRateFor, reviewReasonFor, unansweredRequiredPoints, verdictLabel, type VerdictRulesInput } from "./verdict-rules";

/**
 * What an inspector is told when a verdict or a review is refused (code, the field to fix, the
 * English message and the params the screen's own language renders from), and the edges of the
 * rules: the four-eyes price itself, the high-value photo minimum, penalty rates out of range.
 */
const reasons = [
  { code: "GLUE", verdicts: ["fail_defect", "pass_minor_defect"] as Verdict[], category: null, active: true },
  { code: "FAKE_LOGO", verdicts: ["fail_counterfeit"] as Verdict[], category: null, active: true },
];
const point = (key: string, required?: boolean): ChecklistPoint => ({ key, subject: "item", labelEn: `${key} en`, labelKo: `${key} ko`, ...(required === undefined ? {} : { required }) });

function input(over: Partial<VerdictRulesInput> & { verdict: Verdict }): VerdictRulesInput {
  return {
    reasonCodes: [],
    photoCount: 1,
    item: { type: "trade", price: 100_000, category: "sneakers" },
    settings: { fourEyesPrice: 1_000_000, penaltyRates: {} },
    role: "inspector",
    reasons,
    ...over,
  };
}
const issuesOf = (i: VerdictRulesInput) => {
  const d = decideVerdict(i);
  if (d.ok) throw new Error("expected a refusal");
  return d.issues;
};

describe("verdict refusals: what the inspector is told", () => {
  it("a reason that cannot justify the verdict names the reason, the verdict and the category", () => {
    expect(issuesOf(input({ verdict: "fail_defect", reasonCodes: ["FAKE_LOGO", "FAKE_LOGO", "GLUE"] }))).toEqual([
      { code: "validation:reason_invalid", field: "reasonCodes", message: 'Reason FAKE_LOGO cannot justify "fail defect" for sneakers.' },
    ]);
  });

  it("a failing verdict with no reason and no photo: both asked for", () => {
    expect(issuesOf(input({ verdict: "fail_used", photoCount: 0 }))).toEqual([
      { code: "validation:reason_required", field: "reasonCodes", message: 'Choose at least one reason for "fail used".' },
      { code: "validation:photo_required", field: "photos", message: 'Take at least one photo as evidence for "fail used".' },
    ]);
  });

  it("an item at the four-eyes price needs the checklist's minimum of photos, even a pass", () => {
    const checklist = { points: [], results: [], highValueMinPhotos: 3 };
    const atPrice = { type: "trade" as const, price: 1_000_000, category: "sneakers" };
    expect(issuesOf(input({ verdict: "pass", photoCount: 2, item: atPrice, checklist }))).toEqual([
      {
        code: "validation:photos_high_value",
        field: "photos",
        message: "An item of this value needs at least 3 photo(s), even when it passes (2 taken).",
        params: { min: 3, count: 2 },
      },
    ]);
    expect(decideVerdict(input({ verdict: "pass", photoCount: 3, item: atPrice, checklist })).ok).toBe(true);
    // One below the price is not high value; without a checklist the minimum is one photo.
    expect(decideVerdict(input({ verdict: "pass", photoCount: 0, item: { ...atPrice, price: 999_999 }, checklist })).ok).toBe(true);
    expect(issuesOf(input({ verdict: "pass", photoCount: 0, item: atPrice })).map((i) => i.params)).toEqual([{ min: 1, count: 0 }]);
    // No four-eyes price set: no item is high value.
    expect(decideVerdict(input({ verdict: "pass", photoCount: 0, item: atPrice, settings: {} })).ok).toBe(true);
  });

  it("unanswered required checklist points are listed in both languages; optional ones and answered ones are not", () => {
    const checklist = { points: [point("sole"), point("box", false), point("tag", true), point("lace")], results: [{ key: "lace", ok: true }], highValueMinPhotos: 1 };
    expect(unansweredRequiredPoints(checklist).map((p) => p.key)).toEqual(["sole", "tag"]);
    expect(unansweredRequiredPoints(null)).toEqual([]);
    expect(issuesOf(input({ verdict: "pass", checklist }))).toEqual([
      {
        code: "validation:checklist_incomplete",
        field: "checklist",
        message: "Answer every required checklist point first: 2 open (sole en, tag en).",
        params: { count: 2, points: "sole en, tag en", pointsKo: "sole ko, tag ko" },
      },
    ]);
    // A reviewer overturning a verdict is not asked to answer the checklist again.
    expect(decideVerdict(input({ verdict: "pass", checklist, asReviewer: true })).ok).toBe(true);
  });

  it("someone who is not an inspector, and a reviewer who is not senior calling it counterfeit", () => {
    expect(issuesOf(input({ verdict: "pass", role: "operator" }))).toEqual([{ code: "forbidden:role", field: "verdict", message: "Only inspectors can record verdicts." }]);
    expect(issuesOf(input({ verdict: "fail_counterfeit", reasonCodes: ["FAKE_LOGO"], asReviewer: true }))).toEqual([
      { code: "forbidden:senior_required", field: "reviewer", message: "Only a senior inspector can decide that an item is counterfeit." },
    ]);
  });
});

describe("verdict decisions at the edges", () => {
  it("a reviewer's verdict starts from held and asks for no second look, even at the four-eyes price", () => {
    const d = decideVerdict(input({ verdict: "fail_defect", reasonCodes: ["GLUE"], asReviewer: true, item: { type: "trade", price: 5_000_000, category: "sneakers" } }));
    expect(d).toMatchObject({ ok: true, needsReview: false, reviewReason: null, inspectionStatus: "done" });
    const minor = decideVerdict(input({ verdict: "pass_minor_defect", reasonCodes: ["GLUE"], asReviewer: true }));
    expect(minor).toMatchObject({ ok: true, steps: [] }); // held already, for the buyer
  });

  it("waits for the buyer only for a trade item passed with a defect and not held for review", () => {
    const minor = (over: Partial<VerdictRulesInput>) => decideVerdict(input({ verdict: "pass_minor_defect", reasonCodes: ["GLUE"], ...over }));
    expect(minor({})).toMatchObject({ ok: true, awaitingBuyerDecision: true });
    expect(minor({ item: { type: "storage", price: 100_000, category: "sneakers" } })).toMatchObject({ ok: true, awaitingBuyerDecision: false });
    expect(minor({ item: { type: "trade", price: 2_000_000, category: "sneakers" }, photoCount: 1 })).toMatchObject({ ok: true, needsReview: true, awaitingBuyerDecision: false });
    expect(decideVerdict(input({ verdict: "pass" }))).toMatchObject({ ok: true, awaitingBuyerDecision: false });
  });

  it("review reasons: counterfeit always, price from the four-eyes price itself, none without one", () => {
    expect(reviewReasonFor("fail_counterfeit", 1, undefined)).toBe("counterfeit");
    expect(reviewReasonFor("pass", 1_000_000, 1_000_000)).toBe("price");
    expect(reviewReasonFor("pass", 999_999, 1_000_000)).toBeNull();
    expect(reviewReasonFor("pass", 10_000_000, undefined)).toBeNull();
  });

  it("penalty rates: a center's rate from 0 to 1 inclusive is used, anything else falls back to the default", () => {
    expect(penaltyRateFor("fail_defect", { fail_defect: 1 })).toBe(1);
    expect(penaltyRateFor("fail_defect", { fail_defect: 0 })).toBe(0);
    expect(penaltyRateFor("fail_defect", { fail_defect: 1.01 })).toBe(0.1);
    expect(penaltyRateFor("fail_defect", { fail_defect: -0.01 })).toBe(0.1);
    expect(penaltyRateFor("fail_defect", { fail_defect: "0.5" } as unknown as Record<string, number>)).toBe(0.1);
    expect(penaltyRateFor("pass", { pass: 0.5 })).toBeNull();
  });
});

describe("review refusals: what the reviewer is told", () => {
  const base = { inspectorId: "a", reviewerId: "b", reviewerRole: "inspector" as const, originalVerdict: "pass" as Verdict };
  it("each refusal with its code, field and message", () => {
    expect(checkReviewer({ ...base, reviewerRole: "operator" })).toEqual([{ code: "forbidden:role", field: "reviewer", message: "Only inspectors can review verdicts." }]);
    expect(checkReviewer({ ...base, reviewerId: "a" })).toEqual([
      { code: "forbidden:same_person", field: "reviewer", message: "You recorded this verdict; a different inspector must review it." },
    ]);
    expect(checkReviewer({ ...base, newVerdict: "fail_counterfeit" })).toEqual([
      { code: "forbidden:senior_required", field: "reviewer", message: "A suspected counterfeit must be reviewed by a senior inspector." },
    ]);
    expect(checkReviewer({ ...base, reviewerRole: "senior_inspector", originalVerdict: "fail_counterfeit" })).toEqual([]);
  });
});

describe("the buyer's defect note and verdict labels", () => {
  it("joins the reasons and the note, leaving out what is empty", () => {
    expect(composeDefectNote(["Glue stain", "Box dent"], "  left toe  ")).toBe("Glue stain, Box dent — left toe");
    expect(composeDefectNote([], "  only the note ")).toBe("only the note");
    expect(composeDefectNote(["Glue stain"], undefined)).toBe("Glue stain");
    expect(composeDefectNote(["Glue stain"], null)).toBe("Glue stain");
    expect(composeDefectNote([], "   ")).toBe("");
  });
  it("labels a verdict with spaces for underscores", () => {
    expect(verdictLabel("fail_missing_parts")).toBe("fail missing parts");
  });
});

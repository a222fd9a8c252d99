import { describe, expect, it } from "vitest";
import { verdicts, type ChecklistPoint, type Verdict } from "@/db/schema/inspection";
import type { Role } from "@/db/schema/users";
import { planTransition } from "@/lib/items/transitions";
import {
  checkReviewer,
  composeDefectNote,
  decideVerdict,
  penaltyRateFor,
  reviewReasonFor,
  unansweredRequiredPoints,
  verdictLabel,
  verdictPath,
  type VerdictRulesInput,
} from "./verdict-rules";

// One reason per verdict but pass, valid for every category, plus one only for bags.
const reasons = [
  { code: "BOX_DAMAGE", verdicts: ["pass_minor_defect"] as Verdict[], category: null, active: true },
  { code: "FAKE_LOGO", verdicts: ["fail_counterfeit"] as Verdict[], category: null, active: true },
  { code: "WORN_SOLE", verdicts: ["fail_used"] as Verdict[], category: null, active: true },
  { code: "GLUE", verdicts: ["fail_defect", "pass_minor_defect"] as Verdict[], category: null, active: true },
  { code: "WRONG_SIZE", verdicts: ["fail_wrong_item"] as Verdict[], category: null, active: true },
  { code: "NO_LACES", verdicts: ["fail_missing_parts"] as Verdict[], category: null, active: true },
  { code: "STRAP", verdicts: ["fail_defect"] as Verdict[], category: "bags", active: true },
  { code: "OLD", verdicts: ["fail_used"] as Verdict[], category: null, active: false },
];
const reasonFor: Record<Verdict, string[]> = {
  pass: [],
  pass_minor_defect: ["BOX_DAMAGE"],
  fail_counterfeit: ["FAKE_LOGO"],
  fail_used: ["WORN_SOLE"],
  fail_defect: ["GLUE"],
  fail_wrong_item: ["WRONG_SIZE"],
  fail_missing_parts: ["NO_LACES"],
};

function input(over: Partial<VerdictRulesInput> & { verdict: Verdict }): VerdictRulesInput {
  return {
    reasonCodes: reasonFor[over.verdict],
    photoCount: 1,
    item: { type: "trade", price: 100_000, category: "sneakers" },
    settings: { fourEyesPrice: 1_000_000, penaltyRates: {} },
    role: "inspector",
    reasons,
    ...over,
  };
}

function codes(result: ReturnType<typeof decideVerdict>): string[] {
  return result.ok ? [] : result.issues.map((i) => i.code);
}

describe("evidence required", () => {
  it("accepts a plain pass with no reasons and no photos", () => {
    expect(decideVerdict(input({ verdict: "pass", photoCount: 0 }))).toMatchObject({ ok: true, needsReview: false });
  });

  for (const verdict of verdicts.filter((v) => v !== "pass")) {
    it(`${verdict} needs at least one reason code`, () => {
      expect(codes(decideVerdict(input({ verdict, reasonCodes: [] })))).toEqual(["validation:reason_required"]);
    });
    it(`${verdict} needs at least one photo`, () => {
      expect(codes(decideVerdict(input({ verdict, photoCount: 0 })))).toEqual(["validation:photo_required"]);
    });
    it(`${verdict} with its reason and a photo is accepted`, () => {
      expect(decideVerdict(input({ verdict })).ok).toBe(true);
    });
  }

  it("reports every missing piece at once", () => {
    const result = decideVerdict(input({ verdict: "fail_used", reasonCodes: [], photoCount: 0 }));
    expect(codes(result)).toEqual(["validation:reason_required", "validation:photo_required"]);
  });

  it("refuses a reason that belongs to another verdict, another category, is inactive or unknown", () => {
    expect(codes(decideVerdict(input({ verdict: "fail_used", reasonCodes: ["FAKE_LOGO"] })))).toEqual(["validation:reason_invalid"]);
    expect(codes(decideVerdict(input({ verdict: "fail_defect", reasonCodes: ["STRAP"] })))).toEqual(["validation:reason_invalid"]);
    expect(codes(decideVerdict(input({ verdict: "fail_used", reasonCodes: ["OLD"] })))).toEqual(["validation:reason_invalid"]);
    expect(codes(decideVerdict(input({ verdict: "fail_used", reasonCodes: ["WORN_SOLE", "NOPE"] })))).toEqual(["validation:reason_invalid"]);
    expect(codes(decideVerdict(input({ verdict: "pass", reasonCodes: ["BOX_DAMAGE"] })))).toEqual(["validation:reason_invalid"]);
  });

  it("accepts a category-specific reason for its category", () => {
    const bag = { type: "trade" as const, price: 100_000, category: "bags" };
    expect(decideVerdict(input({ verdict: "fail_defect", reasonCodes: ["STRAP"], item: bag })).ok).toBe(true);
  });

  it("lets only inspector roles record verdicts", () => {
    for (const role of ["operator", "admin", "manager", "senior_inspector", "inspector"] as Role[]) {
      const ok = role !== "operator";
      expect(codes(decideVerdict(input({ verdict: "pass", role })))).toEqual(ok ? [] : ["forbidden:role"]);
    }
  });
});

describe("four eyes", () => {
  it("sends an item priced at or above the four-eyes price to review, held meanwhile", () => {
    for (const verdict of verdicts) {
      const atLimit = decideVerdict(input({ verdict, item: { type: "trade", price: 1_000_000, category: "sneakers" } }));
      expect(atLimit).toMatchObject({ ok: true, needsReview: true, inspectionStatus: "awaiting_review", steps: [{ action: "hold" }] });
      expect(atLimit).toMatchObject({ reviewReason: verdict === "fail_counterfeit" ? "counterfeit" : "price" });
    }
    const below = decideVerdict(input({ verdict: "pass", item: { type: "trade", price: 999_999, category: "sneakers" } }));
    expect(below).toMatchObject({ ok: true, needsReview: false, inspectionStatus: "done" });
  });

  it("always sends a counterfeit to review, whatever the price", () => {
    const cheap = decideVerdict(input({ verdict: "fail_counterfeit", item: { type: "storage", price: 1, category: "sneakers" } }));
    expect(cheap).toMatchObject({ ok: true, needsReview: true, reviewReason: "counterfeit", steps: [{ action: "hold" }], penaltyRate: 0.15 });
    // Even a senior inspector's own counterfeit verdict needs a second look.
    expect(decideVerdict(input({ verdict: "fail_counterfeit", role: "senior_inspector" }))).toMatchObject({ needsReview: true });
  });

  it("does not ask for another review when a reviewer records the verdict", () => {
    const result = decideVerdict(input({ verdict: "fail_used", asReviewer: true, item: { type: "trade", price: 5_000_000, category: "sneakers" } }));
    expect(result).toMatchObject({ ok: true, needsReview: false, inspectionStatus: "done", steps: [{ action: "fail" }, { action: "route_return" }] });
  });

  it("lets only a senior reviewer overturn to counterfeit", () => {
    expect(codes(decideVerdict(input({ verdict: "fail_counterfeit", asReviewer: true, role: "inspector" })))).toEqual(["forbidden:senior_required"]);
    expect(decideVerdict(input({ verdict: "fail_counterfeit", asReviewer: true, role: "senior_inspector" }))).toMatchObject({
      ok: true,
      steps: [{ action: "quarantine" }],
    });
  });
});

describe("reviewer", () => {
  const base = { inspectorId: "u1", reviewerId: "u2", reviewerRole: "inspector" as Role, originalVerdict: "fail_used" as Verdict };
  it("must be a different person, even a manager", () => {
    expect(checkReviewer({ ...base, reviewerId: "u1" }).map((i) => i.code)).toEqual(["forbidden:same_person"]);
    expect(checkReviewer({ ...base, reviewerId: "u1", reviewerRole: "manager" }).map((i) => i.code)).toEqual(["forbidden:same_person"]);
    expect(checkReviewer(base)).toEqual([]);
  });
  it("must be senior (or manager) for a counterfeit, original or new", () => {
    const fake = { ...base, originalVerdict: "fail_counterfeit" as Verdict };
    expect(checkReviewer(fake).map((i) => i.code)).toEqual(["forbidden:senior_required"]);
    expect(checkReviewer({ ...fake, reviewerRole: "senior_inspector" })).toEqual([]);
    expect(checkReviewer({ ...fake, reviewerRole: "manager" })).toEqual([]);
    expect(checkReviewer({ ...base, newVerdict: "fail_counterfeit" }).map((i) => i.code)).toEqual(["forbidden:senior_required"]);
  });
  it("must hold an inspection role", () => {
    expect(checkReviewer({ ...base, reviewerRole: "operator" }).map((i) => i.code)).toEqual(["forbidden:role"]);
  });
});

describe("item path", () => {
  // Each path, walked through the real transition table, ends in the state DESIGN.md names.
  const endState = (verdict: Verdict, type: "trade" | "storage", from: "in_inspection" | "held") => {
    let state: Parameters<typeof planTransition>[0]["state"] = from;
    for (const step of verdictPath(verdict, type, from)) {
      const plan = planTransition({ state, type }, step.action);
      if (!plan.ok) throw new Error(plan.message);
      state = plan.rule.to;
    }
    return state;
  };
  const cases: [Verdict, "trade" | "storage", string][] = [
    ["pass", "trade", "awaiting_pack"],
    ["pass", "storage", "awaiting_putaway"],
    ["pass_minor_defect", "trade", "held"],
    ["pass_minor_defect", "storage", "awaiting_putaway"],
    ["fail_counterfeit", "trade", "quarantined"],
    ["fail_counterfeit", "storage", "quarantined"],
    ["fail_used", "trade", "awaiting_pack"],
    ["fail_defect", "storage", "awaiting_pack"],
    ["fail_wrong_item", "trade", "awaiting_pack"],
    ["fail_missing_parts", "storage", "awaiting_pack"],
  ];
  for (const [verdict, type, end] of cases) {
    it(`${verdict} on a ${type} item ends ${end}, from inspection and from held`, () => {
      expect(endState(verdict, type, "in_inspection")).toBe(end);
      expect(endState(verdict, type, "held")).toBe(end);
    });
  }

  it("sends passes to the buyer and fails back to the seller, with the defect note on minor defects", () => {
    expect(verdictPath("pass", "trade", "in_inspection")).toContainEqual({ action: "route_trade", destination: "buyer" });
    expect(verdictPath("fail_used", "storage", "in_inspection")).toContainEqual({ action: "route_return", destination: "seller" });
    expect(verdictPath("pass_minor_defect", "trade", "in_inspection")).toEqual([{ action: "hold", setDefectNote: true }]);
    expect(verdictPath("pass_minor_defect", "storage", "in_inspection")[0]).toEqual({ action: "pass", setDefectNote: true });
    expect(decideVerdict(input({ verdict: "pass_minor_defect" }))).toMatchObject({ awaitingBuyerDecision: true });
    expect(decideVerdict(input({ verdict: "pass_minor_defect", item: { type: "storage", price: 1, category: "sneakers" } }))).toMatchObject({
      awaitingBuyerDecision: false,
    });
  });
});

describe("penalty rate", () => {
  it("defaults to 15% for counterfeit and used, 10% for other fails, none for passes", () => {
    expect(penaltyRateFor("fail_counterfeit")).toBe(0.15);
    expect(penaltyRateFor("fail_used")).toBe(0.15);
    expect(penaltyRateFor("fail_defect")).toBe(0.1);
    expect(penaltyRateFor("fail_wrong_item")).toBe(0.1);
    expect(penaltyRateFor("fail_missing_parts")).toBe(0.1);
    expect(penaltyRateFor("pass")).toBeNull();
    expect(penaltyRateFor("pass_minor_defect", { pass_minor_defect: 0.5 })).toBeNull();
  });
  it("takes the center's rate when set, ignoring nonsense", () => {
    expect(penaltyRateFor("fail_defect", { fail_defect: 0.2 })).toBe(0.2);
    expect(penaltyRateFor("fail_defect", { fail_defect: 0 })).toBe(0);
    expect(penaltyRateFor("fail_defect", { fail_defect: 7 })).toBe(0.1);
    expect(decideVerdict(input({ verdict: "fail_wrong_item", settings: { penaltyRates: { fail_wrong_item: 0.12 } } }))).toMatchObject({
      penaltyRate: 0.12,
    });
  });
});

describe("defect note", () => {
  it("joins reason labels and the inspector's note", () => {
    expect(composeDefectNote(["Box damaged", "Glue marks"], " small dent on lid ")).toBe("Box damaged, Glue marks — small dent on lid");
    expect(composeDefectNote(["Box damaged"], "")).toBe("Box damaged");
    expect(composeDefectNote([], "scratch")).toBe("scratch");
  });
});

// What an inspector is told when a verdict or a review is refused (code, the field to fix, the
// English message and the params the screen's language renders from), and the rules' edges.
const point = (key: string, required?: boolean): ChecklistPoint => ({ key, subject: "item", labelEn: `${key} en`, labelKo: `${key} ko`, ...(required === undefined ? {} : { required }) });
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
    expect(issuesOf(input({ verdict: "fail_used", reasonCodes: [], photoCount: 0 }))).toEqual([
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

import { describe, expect, it } from "vitest";
import { categories } from "@/db/schema/catalog";
import { verdicts } from "@/db/schema/inspection";
import { saveChecklistSchema } from "./checklists";
import { defaultChecklists } from "./default-checklists";
import { defaultReasonCodes } from "./default-reason-codes";
import { saveReasonCodeSchema } from "./reason-codes";
import { reasonsFor } from "./verdict-rules";

const hangul = /[\uac00-\ud7a3]/;

describe("default checklists", () => {
  for (const category of categories) {
    it(`${category}: valid for the editor, box and item as separate subjects, Korean and English labels`, () => {
      const points = defaultChecklists[category];
      expect(saveChecklistSchema.safeParse({ category, points }).success).toBe(true);
      expect(new Set(points.map((p) => p.subject))).toEqual(new Set(["box", "item"]));
      for (const p of points) {
        expect(p.labelKo).toMatch(hangul);
        expect(p.labelEn).toMatch(/^[A-Z]/);
      }
    });
  }

  it("sneakers cover box, tags, stitching, size label, insole, sole, smell, UV/glue and accessories", () => {
    const keys = defaultChecklists.sneakers.map((p) => p.key);
    for (const key of ["box_condition", "tags", "stitching", "size_label", "insole", "sole", "smell", "uv_glue", "accessories"]) {
      expect(keys).toContain(key);
    }
  });
});

describe("default reason codes", () => {
  it("are unique and valid for the editor", () => {
    const codes = defaultReasonCodes.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of defaultReasonCodes) {
      expect(saveReasonCodeSchema.safeParse(r).success, r.code).toBe(true);
      expect(r.labelKo).toMatch(hangul);
    }
  });

  it("give every verdict but pass at least one reason in every category, and pass none", () => {
    const rows = defaultReasonCodes.map((r) => ({ ...r, active: true }));
    for (const category of categories) {
      for (const verdict of verdicts) {
        const usable = reasonsFor(rows, verdict, category);
        if (verdict === "pass") expect(usable).toEqual([]);
        else expect(usable.length, `${verdict} / ${category}`).toBeGreaterThan(0);
      }
    }
  });
});

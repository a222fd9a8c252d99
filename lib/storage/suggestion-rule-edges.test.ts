import { describe, expect, it } from "vitest";
import { chooseBin } from "./suggestion-rule";

const bin = (code: string, occupied: number, capacity: number, pickSequence: number) => ({ id: code, code, occupied, capacity, pickSequence });

describe("putaway suggestion: edges", () => {
  it("the only bin with room is every operator's, however full", () => {
    for (const op of ["a", "b", "c", ""]) expect(chooseBin([bin("A", 4, 4, 1), bin("B", 19, 20, 2), bin("C", 3, 3, 3)], op)?.code).toBe("B");
  });
  it("a bin over its capacity (a capacity lowered under its items) is never chosen", () => {
    for (const op of ["a", "b", "c"]) expect(chooseBin([bin("A", 6, 4, 1), bin("B", 0, 1, 2)], op)?.code).toBe("B");
  });
  it("the choice depends on the operator and the bin, not on the code or the place on the path", () => {
    const bins = [bin("A", 0, 4, 1), bin("B", 0, 4, 2)];
    const moved = bins.map((b, i) => ({ ...b, code: `X${i}`, pickSequence: 10 - i }));
    for (const op of ["a", "b", "c", "d", "e"]) expect(chooseBin(moved, op)?.id).toBe(chooseBin(bins, op)?.id);
  });
});

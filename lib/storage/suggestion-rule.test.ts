import { describe, expect, it } from "vitest";
import { sizeClassOf } from "./size-class";
import { chooseBin, suggestionWindow } from "./suggestion-rule";

const bin = (pickSequence: number, occupied: number, capacity = 4) => ({ id: `b${pickSequence}`, code: `BIN-A-01-01-${pickSequence}`, occupied, capacity, pickSequence });

describe("chooseBin", () => {
  it("prefers the least filled bin near the path start, spreading load", () => {
    expect(chooseBin([bin(1, 3), bin(2, 1), bin(3, 2)])?.pickSequence).toBe(2);
  });
  it("breaks equal fill by pick-path position", () => {
    expect(chooseBin([bin(5, 1), bin(2, 1), bin(9, 1)])?.pickSequence).toBe(2);
  });
  it("compares by share of capacity, not units", () => {
    expect(chooseBin([bin(1, 2, 10), bin(2, 1, 2)])?.pickSequence).toBe(1);
  });
  it("never chooses a full or zero-capacity bin", () => {
    expect(chooseBin([bin(1, 4), bin(2, 0, 0)])).toBeNull();
    expect(chooseBin([bin(1, 4), bin(2, 3)])?.pickSequence).toBe(2);
  });
  it("looks only at the first bins along the path", () => {
    const near = Array.from({ length: suggestionWindow }, (_, i) => bin(i + 1, 3));
    expect(chooseBin([...near, bin(100, 0)])?.pickSequence).toBe(1);
  });
  it("answers null for no candidates", () => {
    expect(chooseBin([])).toBeNull();
  });
});

describe("sizeClassOf", () => {
  it("uses the catalog's class when known", () => {
    expect(sizeClassOf({ category: "sneakers", size: "270" }, "M")).toBe("M");
  });
  it("falls back to the category", () => {
    expect(sizeClassOf({ category: "sneakers", size: "270" })).toBe("S");
    expect(sizeClassOf({ category: "bags", size: "ONE" })).toBe("L");
    expect(sizeClassOf({ category: "Tech", size: "-" })).toBe("M");
    expect(sizeClassOf({ category: "furniture", size: "-" })).toBe("M");
  });
  it("puts large apparel sizes in L", () => {
    expect(sizeClassOf({ category: "apparel", size: "XXL" })).toBe("L");
    expect(sizeClassOf({ category: "apparel", size: "M" })).toBe("M");
  });
});

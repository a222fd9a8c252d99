import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sizeClassOf } from "./size-class";
import { chooseBin, suggestionWindow, uniformOf } from "./suggestion-rule";

const bin = (pickSequence: number, occupied: number, capacity = 4) => ({ id: `b${pickSequence}`, code: `BIN-A-01-01-${pickSequence}`, occupied, capacity, pickSequence });

const operatorsOf = (n: number) => Array.from({ length: n }, (_, i) => `operator-${i}`);
/** How many of the operators each bin of `bins` is suggested to. */
const spreadOver = (bins: ReturnType<typeof bin>[], operators: string[]) => {
  const sent = new Map<number, number>();
  for (const op of operators) {
    const chosen = chooseBin(bins, op);
    if (chosen) sent.set(chosen.pickSequence, (sent.get(chosen.pickSequence) ?? 0) + 1);
  }
  return sent;
};

describe("chooseBin", () => {
  it("shares equally good bins among operators instead of sending every one to the first", () => {
    const sent = spreadOver(Array.from({ length: suggestionWindow }, (_, i) => bin(i + 1, 0)), operatorsOf(800));
    expect(sent.size).toBe(suggestionWindow);
    // 100 each expected; 70..130 is over four standard deviations either way.
    for (const n of sent.values()) expect(n).toBeGreaterThanOrEqual(70);
    for (const n of sent.values()) expect(n).toBeLessThanOrEqual(130);
  });
  it("sends operators to each bin in proportion to its free slots: the least filled get the most", () => {
    // Free slots 1, 3, 2 of 4: shares 1/6, 1/2, 1/3 of 1200 operators.
    const sent = spreadOver([bin(1, 3), bin(2, 1), bin(3, 2)], operatorsOf(1200));
    expect(sent.get(2)).toBeGreaterThan(520);
    expect(sent.get(2)).toBeLessThan(680);
    expect(sent.get(3)).toBeGreaterThan(320);
    expect(sent.get(3)).toBeLessThan(480);
    expect(sent.get(1)).toBeGreaterThan(130);
    expect(sent.get(1)).toBeLessThan(270);
  });
  it("gives one roomy bin among seven nearly full ones its share of the room, no more (8 of 15 slots: 640 of 1200)", () => {
    const sent = spreadOver([bin(1, 2, 10), ...Array.from({ length: 7 }, (_, i) => bin(i + 2, 9, 10))], operatorsOf(1200));
    expect(sent.get(1)).toBeGreaterThan(570);
    expect(sent.get(1)).toBeLessThan(710);
  });
  it("weighs free slots, so a large half-empty bin takes more operators than a small nearly full one", () => {
    const sent = spreadOver([bin(1, 2, 10), bin(2, 1, 2)], operatorsOf(900));
    // Free 8 and 1: 800 and 100 expected.
    expect(sent.get(1)).toBeGreaterThan(740);
    expect(sent.get(2)).toBeGreaterThan(40);
  });
  it("sends one operator to the same bin every time, and a bin leaving the window moves only its own operators", () => {
    const bins = Array.from({ length: suggestionWindow }, (_, i) => bin(i + 1, i % 3));
    for (const op of operatorsOf(200)) {
      const chosen = chooseBin(bins, op)!;
      expect(chooseBin(bins, op)).toBe(chosen);
      expect(chooseBin([...bins].reverse(), op)).toBe(chosen);
      const others = bins.filter((b) => b !== chosen);
      expect(chooseBin([...others.slice(0, 3), chosen, ...others.slice(4)], op)).toBe(chosen);
    }
  });
  it("never chooses a full or zero-capacity bin", () => {
    expect(chooseBin([bin(1, 4), bin(2, 0, 0)], "op")).toBeNull();
    expect(chooseBin([bin(1, 5), bin(2, 3)], "op")?.pickSequence).toBe(2);
    for (const op of operatorsOf(50)) expect(chooseBin([bin(1, 4), bin(2, 0, 0), bin(3, 3), bin(4, 9)], op)?.pickSequence).toBe(3);
  });
  it("looks only at the first bins along the path", () => {
    const near = Array.from({ length: suggestionWindow }, (_, i) => bin(i + 1, 3));
    for (const op of operatorsOf(200)) expect(chooseBin([...near, bin(100, 0)], op)?.pickSequence).not.toBe(100);
  });
  it("answers null for no candidates", () => {
    expect(chooseBin([], "op")).toBeNull();
  });
  it("for any bins and operator: a bin of the window with room when there is one, else none", () => {
    const candidate = fc.record({ occupied: fc.nat(30), capacity: fc.nat(30), pickSequence: fc.nat(1000), id: fc.uuid() });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), fc.string(), (raw, op) => {
        const bins = raw.map((b, i) => ({ ...b, code: `BIN-A-01-01-${i}` }));
        const chosen = chooseBin(bins, op);
        const window = bins.slice(0, suggestionWindow);
        if (!window.some((b) => b.occupied < b.capacity)) return chosen === null;
        return chosen !== null && window.includes(chosen) && chosen.occupied < chosen.capacity;
      }),
    );
  });
});

/** FNV-1a (32 bits) of the text's UTF-16 code units, then MurmurHash3's 32-bit finaliser, in BigInt: the oracle. */
function uniformByBigInt(text: string): number {
  const m = (x: bigint) => x & 0xffffffffn;
  let h = 0x811c9dc5n;
  for (const unit of Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))) h = m((h ^ BigInt(unit)) * 0x01000193n);
  h ^= h >> 16n;
  h = m(h * 0x85ebca6bn);
  h ^= h >> 13n;
  h = m(h * 0xc2b2ae35n);
  h ^= h >> 16n;
  return (Number(h) + 0.5) / 2 ** 32;
}

describe("uniformOf", () => {
  it("is FNV-1a then the MurmurHash3 finaliser, mapped into (0, 1)", () => {
    for (const text of ["", "a", "operator-7", "3f2a9c1e-0000-4000-8000-000000000001\u0000b1", "검수자"]) expect(uniformOf(text)).toBe(uniformByBigInt(text));
  });
  it("is strictly between 0 and 1, the same for the same text, and spread evenly", () => {
    const values = operatorsOf(4000).map(uniformOf);
    for (const u of values) expect(u > 0 && u < 1).toBe(true);
    expect(uniformOf("operator-7")).toBe(values[7]);
    const tenths = new Array(10).fill(0);
    for (const u of values) tenths[Math.floor(u * 10)]++;
    // 400 each expected; 320..480 is four standard deviations.
    for (const n of tenths) expect(n).toBeGreaterThan(320);
    for (const n of tenths) expect(n).toBeLessThan(480);
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

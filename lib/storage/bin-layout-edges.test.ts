import { describe, expect, it } from "vitest";
import { binLayoutSchema, layoutBins, pathOrder } from "./bin-layout";

const layout = { zoneCode: "A", aisles: { from: 1, to: 1 }, racks: { from: 1, to: 1 }, levels: { from: 1, to: 1 }, sizeClass: "S", capacity: 4 };
const messages = (input: unknown) => {
  const r = binLayoutSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("bin layouts: edges", () => {
  it("zone codes: trimmed, upper-cased, one to three letters or digits, nothing around them", () => {
    expect(binLayoutSchema.parse({ ...layout, zoneCode: " a1 " }).zoneCode).toBe("A1");
    expect(binLayoutSchema.parse({ ...layout, zoneCode: "Z9Q" }).zoneCode).toBe("Z9Q");
    for (const zoneCode of ["ABCD", "-AB", "AB-", "A B", ""]) expect(messages({ ...layout, zoneCode }), zoneCode).toEqual(["1–3 letters or digits"]);
  });

  it("zone names: trimmed, at most 80 characters", () => {
    expect(binLayoutSchema.parse({ ...layout, zoneName: "  Shoes  " }).zoneName).toBe("Shoes");
    expect(binLayoutSchema.parse({ ...layout, zoneName: "x".repeat(80) }).zoneName).toHaveLength(80);
    expect(messages({ ...layout, zoneName: "x".repeat(81) })).toHaveLength(1);
  });

  it("ranges: one number is a range, the top is allowed, reversed ones are refused with a reason", () => {
    expect(binLayoutSchema.parse({ ...layout, aisles: { from: 99, to: 99 }, levels: { from: 9, to: 9 } }).aisles).toEqual({ from: 99, to: 99 });
    expect(messages({ ...layout, racks: { from: 2, to: 50 } })).toEqual([]);
    expect(messages({ ...layout, aisles: { from: 3, to: 2 } })).toEqual(["from must not be after to"]);
    expect(messages({ ...layout, levels: { from: 1, to: 10 } })).toHaveLength(1);
  });

  it("at most 5000 bins at once: exactly 5000 is fine", () => {
    const exactly = { ...layout, aisles: { from: 1, to: 50 }, racks: { from: 1, to: 20 }, levels: { from: 1, to: 5 } };
    expect(messages(exactly)).toEqual([]);
    expect(layoutBins(binLayoutSchema.parse(exactly))).toHaveLength(5000);
    expect(messages({ ...exactly, aisles: { from: 1, to: 51 } })).toEqual(["at most 5000 bins at once"]);
  });
});

describe("path order of existing bins: edges", () => {
  it("levels bottom to top within a rack, by number, not by text", () => {
    const codes = ["BIN-A-01-01-10", "BIN-A-01-01-2", "BIN-A-01-01-1"];
    expect(pathOrder(codes, "straight")).toEqual(["BIN-A-01-01-1", "BIN-A-01-01-2", "BIN-A-01-01-10"]);
  });
  it("a level that is no number comes first, then the code decides", () => {
    expect(pathOrder(["BIN-A-01-01-1", "BIN-A-01-01-X", "BIN-A-01-01-W"], "straight")).toEqual(["BIN-A-01-01-W", "BIN-A-01-01-X", "BIN-A-01-01-1"]);
  });
});

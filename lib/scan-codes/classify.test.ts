import { describe, expect, it } from "vitest";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { classifyScan } from "./classify";
import { normalizeTrackingNumber } from "./tracking-number";

describe("classifyScan", () => {
  it("recognises a valid item code, in any case and with look-alike letters", () => {
    const code = generateItemCode();
    expect(classifyScan(code)).toEqual({ kind: "item", code });
    expect(classifyScan(` ${code.toLowerCase()}\r\n`)).toEqual({ kind: "item", code });
    const withOh = code.replace(/0/g, "O");
    expect(classifyScan(withOh)).toEqual({ kind: "item", code });
  });

  it("reports an item-shaped code with a wrong check character instead of treating it as a parcel", () => {
    const code = generateItemCode();
    const last = code.at(-1) === "0" ? "1" : "0";
    const wrong = code.slice(0, -1) + last;
    expect(classifyScan(wrong)).toMatchObject({ kind: "invalid", looksLike: "item" });
  });

  it("keeps S10 postal numbers starting with IT as tracking numbers", () => {
    // 31 in 32 of these fail the item check; the S10 shape keeps them parcels either way.
    for (const tn of ["IT123456789KR", "IT000000001DE", "IT987654321IT"]) {
      expect(classifyScan(tn)).toEqual({ kind: "tracking", trackingNumber: tn });
    }
  });

  it("parses bin codes into their parts", () => {
    expect(classifyScan("BIN-A-03-02-1")).toEqual({ kind: "bin", code: "BIN-A-03-02-1", zone: "A", aisle: "03", rack: "02", level: "1" });
    expect(classifyScan("bin-b2-10-01-4")).toMatchObject({ kind: "bin", code: "BIN-B2-10-01-4", zone: "B2" });
    expect(classifyScan("BIN-A-03")).toMatchObject({ kind: "invalid", looksLike: "bin" });
  });

  it("recognises badges and totes, and refuses malformed ones", () => {
    expect(classifyScan("EMP-00417")).toEqual({ kind: "badge", code: "EMP-00417" });
    expect(classifyScan("emp-12")).toEqual({ kind: "badge", code: "EMP-12" });
    expect(classifyScan("EMP-12X")).toMatchObject({ kind: "invalid", looksLike: "badge" });
    expect(classifyScan("TOTE-0042")).toEqual({ kind: "tote", code: "TOTE-0042" });
    expect(classifyScan("TOTE-")).toMatchObject({ kind: "invalid", looksLike: "tote" });
  });

  it("treats anything else as a carrier tracking number, normalised", () => {
    expect(classifyScan("609123456789")).toEqual({ kind: "tracking", trackingNumber: "609123456789" });
    expect(classifyScan(" 6091-2345-6789\t")).toEqual({ kind: "tracking", trackingNumber: "609123456789" });
    expect(classifyScan("1z999aa10123456784")).toEqual({ kind: "tracking", trackingNumber: "1Z999AA10123456784" });
    expect(classifyScan("ITEM-42")).toEqual({ kind: "tracking", trackingNumber: "ITEM42" });
  });

  it("says so when nothing was scanned", () => {
    expect(classifyScan("  \r\n")).toMatchObject({ kind: "invalid", looksLike: "nothing" });
  });

  it("normalises tracking numbers the same way everywhere", () => {
    expect(normalizeTrackingNumber(" cj 1234-5678 ")).toBe("CJ12345678");
  });
});

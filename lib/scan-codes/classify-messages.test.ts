import { describe, expect, it } from "vitest";
import { classifyScan, invalidScanError } from "./classify";
import { generateItemCode, itemCodeCheckChar, parseItemCode } from "./item-code";
import { s10Pattern } from "./tracking-number";

/** What a station says about a malformed scan, and codes that only match when whole. */
describe("scan classification: messages and whole-code matching", () => {
  it("tells the person what a malformed code of ours should look like", () => {
    expect(classifyScan("   ")).toEqual({ kind: "invalid", looksLike: "nothing", input: "   ", message: "Nothing was scanned." });
    expect(classifyScan("BIN-A-01")).toMatchObject({ looksLike: "bin", message: '"BIN-A-01" is not a valid bin code (BIN-zone-aisle-rack-level).' });
    expect(classifyScan("emp-12x")).toMatchObject({ looksLike: "badge", message: '"emp-12x" is not a valid staff badge (EMP- and digits).' });
    expect(classifyScan("TOTE-7A")).toMatchObject({ looksLike: "tote", message: '"TOTE-7A" is not a valid tote code (TOTE- and digits).' });
  });

  it("a code of ours with anything before or after it is not that code", () => {
    expect(classifyScan("BIN-A-01-02-03-X")).toMatchObject({ kind: "invalid", looksLike: "bin" });
    expect(classifyScan("BIN-A-01-02-0-")).toMatchObject({ kind: "invalid", looksLike: "bin" });
    expect(classifyScan("BIN-A-01-02-34")).toMatchObject({ kind: "bin", level: "34" });
    expect(classifyScan("EMP-X12")).toMatchObject({ kind: "invalid", looksLike: "badge" });
    expect(classifyScan("TOTE-12X")).toMatchObject({ kind: "invalid", looksLike: "tote" });
    expect(classifyScan("TOTE-X12")).toMatchObject({ kind: "invalid", looksLike: "tote" });
    expect(s10Pattern.test("XRR123456789KR")).toBe(false);
    expect(s10Pattern.test("RR123456789KRX")).toBe(false);
  });

  it("the refusal carries the reason and the code for the user's language", () => {
    const err = (input: string) => {
      const scan = classifyScan(input);
      if (scan.kind !== "invalid") throw new Error(`${input} classified as ${scan.kind}`);
      const e = invalidScanError(scan);
      return { code: e.code, message: e.message, details: e.details };
    };
    const code = generateItemCode();
    const wrongCheck = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
    expect(err(wrongCheck)).toEqual({
      code: "validation:scan",
      message: `"${wrongCheck}" is not a valid item code (check character wrong): scan or type it again.`,
      details: { reason: "item_check", kind: "item", code: wrongCheck },
    });
    expect(err("")).toEqual({ code: "validation:scan", message: "Nothing was scanned.", details: { reason: "other", kind: "nothing", code: "" } });
    expect(err("TOTE-A")).toMatchObject({ details: { reason: "format", kind: "tote", code: "TOTE-A" } });
  });
});

describe("item codes: messages and whole-code matching", () => {
  it("says why a string is not an item code", () => {
    expect(parseItemCode("  XX123 ")).toEqual({ ok: false, reason: "prefix", message: '"XX123" is not an item code (item codes start with IT).' });
    expect(parseItemCode("IT123")).toEqual({ ok: false, reason: "length", message: '"IT123" is not an item code: it must be IT and 11 more characters.' });
    expect(parseItemCode("IT0123456789U")).toEqual({ ok: false, reason: "character", message: '"IT0123456789U" is not an item code: it holds a character item codes never use.' });
    expect(parseItemCode("IT012345678U9")).toMatchObject({ ok: false, reason: "character" });
  });

  it("check characters are computed only from 10 Crockford characters", () => {
    expect(() => itemCodeCheckChar("012345678")).toThrow("item code data must be 10 Crockford base32 characters");
    expect(() => itemCodeCheckChar("U123456789")).toThrow("item code data must be 10 Crockford base32 characters");
    expect(() => itemCodeCheckChar("012345678U")).toThrow("item code data must be 10 Crockford base32 characters");
    // Zero data has a zero check (GF multiplication by zero), and every code made checks out.
    expect(itemCodeCheckChar("0000000000")).toBe("0");
    for (let i = 0; i < 200; i++) expect(parseItemCode(generateItemCode()).ok).toBe(true);
  });
});

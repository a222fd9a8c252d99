import { describe, expect, it } from "vitest";
import {
  crockfordAlphabet,
  generateItemCode,
  isValidItemCode,
  itemCodeCheckChar,
  itemCodePattern,
  normalizeItemCode,
  parseItemCode,
} from "./item-code";

// Fixed samples plus random ones; every sample is attacked with every single-character error and
// every adjacent swap below.
const samples = [
  "IT" + "0000000000" + itemCodeCheckChar("0000000000"),
  "IT" + "ZZZZZZZZZZ" + itemCodeCheckChar("ZZZZZZZZZZ"),
  "IT" + "7K3M9Q2XW4" + itemCodeCheckChar("7K3M9Q2XW4"),
  "IT" + "0123456789" + itemCodeCheckChar("0123456789"),
  ...Array.from({ length: 60 }, () => generateItemCode()),
];

describe("item codes", () => {
  it("generates codes of the documented shape that validate", () => {
    for (const code of samples) {
      expect(code).toMatch(itemCodePattern);
      expect(code).toHaveLength(13);
      expect(parseItemCode(code)).toEqual({ ok: true, code });
    }
  });

  it("uses the random bytes it is given (no hidden state)", () => {
    const fixed = () => new Uint8Array(10).fill(0x21); // 0x21 & 31 = 1
    expect(generateItemCode(fixed)).toBe("IT1111111111" + itemCodeCheckChar("1111111111"));
  });

  it("never generates a code in the shape of an S10 postal tracking number", () => {
    // Find 10 data values whose code would be S10-shaped (IT + 9 digits + 2 letters).
    let s10Draw: number[] | undefined;
    for (let last = 10; last < 32 && !s10Draw; last++) {
      const draw = [1, 2, 3, 4, 5, 6, 7, 8, 9, last];
      const data = draw.map((v) => crockfordAlphabet[v]).join("");
      if (/^[A-Z]$/.test(itemCodeCheckChar(data))) s10Draw = draw;
    }
    expect(s10Draw).toBeDefined();
    const draws = [s10Draw!, Array(10).fill(10)];
    let calls = 0;
    const code = generateItemCode(() => Uint8Array.from(draws[Math.min(calls++, 1)]));
    expect(calls).toBe(2);
    expect(code).toBe("ITAAAAAAAAAA" + itemCodeCheckChar("AAAAAAAAAA"));
  });

  it("generates different codes", () => {
    const many = new Set(Array.from({ length: 2000 }, () => generateItemCode()));
    expect(many.size).toBe(2000);
  });

  it("rejects every single-character substitution of the sample codes", () => {
    let tried = 0;
    for (const code of samples) {
      for (let pos = 2; pos < code.length; pos++) {
        for (const c of crockfordAlphabet) {
          if (c === code[pos]) continue;
          const wrong = code.slice(0, pos) + c + code.slice(pos + 1);
          tried++;
          expect(isValidItemCode(wrong), `${code} → ${wrong}`).toBe(false);
          expect(parseItemCode(wrong)).toMatchObject({ ok: false, reason: "check" });
        }
      }
    }
    expect(tried).toBe(samples.length * 11 * 31);
  });

  it("rejects every adjacent transposition of different characters, check character included", () => {
    let tried = 0;
    for (const code of samples) {
      for (let pos = 2; pos < code.length - 1; pos++) {
        if (code[pos] === code[pos + 1]) continue;
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        tried++;
        expect(isValidItemCode(swapped), `${code} → ${swapped}`).toBe(false);
      }
    }
    expect(tried).toBeGreaterThan(samples.length * 5);
  });

  it("also rejects swaps of non-adjacent characters", () => {
    const code = samples[2];
    for (let i = 2; i < code.length; i++) {
      for (let j = i + 2; j < code.length; j++) {
        if (code[i] === code[j]) continue;
        const chars = [...code];
        [chars[i], chars[j]] = [chars[j], chars[i]];
        expect(isValidItemCode(chars.join(""))).toBe(false);
      }
    }
  });

  it("normalises case, O/I/L look-alikes, spaces and hyphens, but not the IT prefix", () => {
    const code = "IT" + "10L0I0O0AB";
    expect(normalizeItemCode(code)).toBe("IT10101000AB");
    const valid = "IT10101000AB" + itemCodeCheckChar("10101000AB");
    const typed = `  it-10l0i0o0ab${valid.at(-1)!.toLowerCase()} `;
    expect(parseItemCode(typed)).toEqual({ ok: true, code: valid });
  });

  it("explains what is wrong with input that is not an item code", () => {
    expect(parseItemCode("BIN-A-01-01-1")).toMatchObject({ ok: false, reason: "prefix" });
    expect(parseItemCode("IT123")).toMatchObject({ ok: false, reason: "length" });
    expect(parseItemCode("ITUUUUUUUUUUU")).toMatchObject({ ok: false, reason: "character" });
    expect(parseItemCode("IT*~$=U000000")).toMatchObject({ ok: false, reason: "character" });
  });

  it("never uses Crockford's extra check symbols, so a label is plain digits and capitals", () => {
    for (const code of samples) expect(code).toMatch(/^[0-9A-Z]+$/);
  });

  it("refuses to compute a check for malformed data", () => {
    expect(() => itemCodeCheckChar("123")).toThrow();
    expect(() => itemCodeCheckChar("UUUUUUUUUU")).toThrow();
  });
});

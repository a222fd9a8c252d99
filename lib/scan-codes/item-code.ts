import { randomBytes } from "node:crypto";
import { s10Pattern } from "./tracking-number";

/**
 * Item label codes: `IT` + 10 random Crockford base32 characters + 1 check character.
 *
 * Why not Crockford's own mod-37 check symbol: it needs five extra symbols (`*~$=U`). They are legal
 * in Code 128, but a barcode scanner is a keyboard, and `*~$=` are shifted punctuation whose key
 * position differs between keyboard layouts (and under the Korean input method), `*` is Code 39's
 * start/stop character, and `U` is the one letter Crockford keeps out of data. A label that only
 * holds digits and capital letters comes through any scanner and can be read out and typed by a
 * person, so the check character here uses the same 32 characters as the data.
 *
 * The check is a weighted sum in the finite field GF(32) (polynomial x^5 + x^2 + 1, generator α = 2):
 * with the 11 symbols s_0 … s_10 (s_10 the check) the code is valid when Σ α^(10-i)·s_i = 0.
 * Every weight α^k (k = 0 … 10) is non-zero and all are different (α has order 31), so
 *  - one wrong symbol at position i changes the sum by α^(10-i)·(s_i + s_i'), non-zero in a field;
 *  - swapping two different symbols at positions i ≠ j (adjacent or not) changes it by
 *    (α^(10-i) + α^(10-j))·(s_i + s_j), a product of two non-zero field elements.
 * Both are therefore always detected (the unit test tries every such error on sample codes).
 */

export const itemCodePrefix = "IT";
export const crockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const dataLength = 10;
/** A valid, normalised item code. */
export const itemCodePattern = /^IT[0-9A-HJKMNP-TV-Z]{11}$/;

const exp: number[] = [];
const log: number[] = new Array(32).fill(-1);
{
  let x = 1;
  for (let k = 0; k < 31; k++) {
    exp.push(x);
    log[x] = k;
    x <<= 1;
    if (x & 0b100000) x ^= 0b100101; // reduce by x^5 + x^2 + 1
  }
}

function gfMul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return exp[(log[a] + log[b]) % 31];
}

/** Σ α^(n-1-i)·value_i over the symbols given (GF(32) addition is XOR). */
function weightedSum(values: number[], length: number): number {
  let sum = 0;
  values.forEach((v, i) => {
    sum ^= gfMul(exp[(length - 1 - i) % 31], v);
  });
  return sum;
}

function valuesOf(body: string): number[] {
  return [...body].map((c) => crockfordAlphabet.indexOf(c));
}

/** The check character for 10 data characters (already normalised). */
export function itemCodeCheckChar(data: string): string {
  if (data.length !== dataLength || !/^[0-9A-HJKMNP-TV-Z]+$/.test(data)) {
    throw new Error(`item code data must be ${dataLength} Crockford base32 characters`);
  }
  // s_10 has weight α^0 = 1, so the check is the weighted sum of the data (−x = x in GF(2^n)).
  return crockfordAlphabet[weightedSum(valuesOf(data), dataLength + 1)];
}

/** A new random code. Uniqueness is the database's job (unique index; the caller retries). */
export function generateItemCode(random: (size: number) => Uint8Array = randomBytes): string {
  for (;;) {
    // 256 is a multiple of 32, so masking a byte is unbiased.
    const data = [...random(dataLength)].map((b) => crockfordAlphabet[b & 31]).join("");
    const code = itemCodePrefix + data + itemCodeCheckChar(data);
    // "IT" + 9 digits + 2 letters would read as an S10 postal tracking number (about 1 in 75,000).
    if (!s10Pattern.test(code)) return code;
  }
}

/**
 * Tidies typed or scanned input the Crockford way: case-insensitive, O→0, I and L→1, hyphens and
 * spaces ignored. The `IT` prefix itself is left alone. The result may still be invalid.
 */
export function normalizeItemCode(input: string): string {
  const compact = input.replace(/[\s-]/g, "").toUpperCase();
  if (!compact.startsWith(itemCodePrefix)) return compact;
  const body = compact.slice(itemCodePrefix.length).replace(/O/g, "0").replace(/[IL]/g, "1");
  return itemCodePrefix + body;
}

export type ItemCodeCheck =
  | { ok: true; code: string }
  | { ok: false; reason: "prefix" | "length" | "character" | "check"; message: string };

/** Normalises and validates an item code, saying what is wrong with it when it is not one. */
export function parseItemCode(input: string): ItemCodeCheck {
  const code = normalizeItemCode(input);
  if (!code.startsWith(itemCodePrefix)) {
    return { ok: false, reason: "prefix", message: `"${input.trim()}" is not an item code (item codes start with IT).` };
  }
  const body = code.slice(itemCodePrefix.length);
  if (body.length !== dataLength + 1) {
    return { ok: false, reason: "length", message: `"${code}" is not an item code: it must be IT and 11 more characters.` };
  }
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(body)) {
    return { ok: false, reason: "character", message: `"${code}" is not an item code: it holds a character item codes never use.` };
  }
  if (weightedSum(valuesOf(body), dataLength + 1) !== 0) {
    return { ok: false, reason: "check", message: `"${code}" is not a valid item code (check character wrong): scan or type it again.` };
  }
  return { ok: true, code };
}

export function isValidItemCode(input: string): boolean {
  return parseItemCode(input).ok;
}

import { describe, expect, it } from "vitest";
import { canonicalJson, requestFingerprint } from "./canonical-json";

describe("canonical JSON", () => {
  it("ignores key order at every depth and undefined fields", () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 1 }], x: "s" }, u: undefined };
    const b = { a: { x: "s", y: [1, { p: 1, q: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestFingerprint(a)).toBe(requestFingerprint(b));
  });

  it("keeps array order and values significant", () => {
    expect(requestFingerprint({ items: [1, 2] })).not.toBe(requestFingerprint({ items: [2, 1] }));
    expect(requestFingerprint({ price: 1 })).not.toBe(requestFingerprint({ price: "1" }));
    expect(requestFingerprint({ a: null })).not.toBe(requestFingerprint({}));
  });
});

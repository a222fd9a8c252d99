import { createHash } from "node:crypto";
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

  it("writes exactly sorted keys, arrays as arrays, dates as ISO strings and null as null", () => {
    expect(canonicalJson({ b: 1, c: [{ z: 1, a: 2 }], a: null, d: new Date(0) })).toBe('{"a":null,"b":1,"c":[{"a":2,"z":1}],"d":"1970-01-01T00:00:00.000Z"}');
    expect(canonicalJson([3, { y: 1, x: 2 }])).toBe('[3,{"x":2,"y":1}]');
    expect(canonicalJson({ B: 1, a: 2, A: 3 })).toBe('{"A":3,"B":1,"a":2}');
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson("가")).toBe('"가"');
  });

  it("fingerprints as SHA-256 hex of the UTF-8 text", () => {
    expect(requestFingerprint({})).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    // '{"n":"가"}' in UTF-8 (the Hangul syllable is three bytes)
    expect(requestFingerprint({ n: "가" })).toBe(createHash("sha256").update(Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xea, 0xb0, 0x80, 0x22, 0x7d])).digest("hex"));
  });
});

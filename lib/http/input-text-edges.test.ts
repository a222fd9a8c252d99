import { describe, expect, it } from "vitest";
import { boundedText, findUnsafeText, refuseUnsafeText } from "./input-text";

const nested = (levels: number, inner: unknown): unknown => (levels === 0 ? inner : [nested(levels - 1, inner)]);

describe("unsafe text: edges", () => {
  it("walks every key and element, not just the first", () => {
    expect(findUnsafeText({ a: "ok", b: ["fine", { c: "also", d: "bad\u0000" }] })).toBe("b.1.d");
    expect(findUnsafeText(["ok", "ok", "\ud800"])).toBe("2");
    expect(findUnsafeText({ a: null, b: 1, c: true, d: "ok" })).toBeNull();
    expect(findUnsafeText(null)).toBeNull();
  });

  it("walks 65 levels deep and stops below (a 100 000-deep body cannot exhaust the stack)", () => {
    expect(findUnsafeText(nested(65, "\u0000"))).toBe(Array(65).fill("0").join("."));
    expect(findUnsafeText(nested(66, "\u0000"))).toBeNull();
  });

  it("says where the unsafe text is, or just that the value is", () => {
    expect(() => refuseUnsafeText("a\u0000", "path")).toThrow(expect.objectContaining({ code: "validation:text", message: "path: text may not contain NUL bytes or unpaired surrogates." }));
    expect(() => refuseUnsafeText({ items: [{ sku: "\udc00" }] }, "body")).toThrow(
      expect.objectContaining({ code: "validation:text", message: "body.items.0.sku: text may not contain NUL bytes or unpaired surrogates." }),
    );
    expect(() => refuseUnsafeText({ "k\u0000": 1 }, "query")).toThrow(expect.objectContaining({ message: "query.(key): text may not contain NUL bytes or unpaired surrogates." }));
  });

  it("boundedText's refusal says why", () => {
    const result = boundedText(10).safeParse("a\u0000b");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("Text may not contain NUL bytes or unpaired surrogates.");
  });
});

import { describe, expect, it } from "vitest";
import { boundedText, findUnsafeText, isUnsafeText, refuseUnsafeText } from "./input-text";

describe("unsafe text (NUL bytes, lone surrogates)", () => {
  it("finds NUL bytes and unpaired surrogates, and passes paired ones", () => {
    expect(isUnsafeText("a\u0000b")).toBe(true);
    expect(isUnsafeText("\ud800")).toBe(true);
    expect(isUnsafeText("x\udc00")).toBe(true);
    expect(isUnsafeText("\udc00\ud800")).toBe(true);
    expect(isUnsafeText("👟 운동화")).toBe(false);
    expect(isUnsafeText("\ud83d\udc5f")).toBe(false);
    expect(isUnsafeText("")).toBe(false);
  });

  it("names the path of the first unsafe string anywhere in a parsed body, keys included", () => {
    expect(findUnsafeText({ items: [{ sku: "ok" }, { sku: "bad\u0000" }] })).toBe("items.1.sku");
    expect(findUnsafeText({ seller: { ["na\ud800me"]: "x" } })).toBe("seller.(key)");
    expect(findUnsafeText(["fine", 1, null, true, { a: "\udfff" }])).toBe("4.a");
    expect(findUnsafeText("\u0000")).toBe("(value)");
    expect(findUnsafeText({ a: 1, b: [null, "ok"], c: { d: "한글" } })).toBeNull();
  });

  it("refuses with a 422 validation error naming where", () => {
    expect(() => refuseUnsafeText({ note: "x\u0000" }, "body")).toThrow(expect.objectContaining({ code: "validation:text", message: expect.stringContaining("body.note") }));
    expect(() => refuseUnsafeText({ id: "ok" }, "path")).not.toThrow();
  });

  it("boundedText trims, bounds length and refuses unsafe text", () => {
    const schema = boundedText(5, { min: 1 });
    expect(schema.parse("  abc  ")).toBe("abc");
    expect(schema.safeParse("abcdef").success).toBe(false);
    expect(schema.safeParse("   ").success).toBe(false);
    expect(schema.safeParse("a\u0000").success).toBe(false);
    expect(schema.safeParse("a\ud800").success).toBe(false);
    expect(boundedText(3, { trim: false }).parse(" a ")).toBe(" a ");
  });
});

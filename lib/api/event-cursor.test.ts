import { describe, expect, it } from "vitest";
import { decodeEventCursor, encodeEventCursor, isAfter } from "./event-cursor";

describe("event cursor", () => {
  it("round-trips positions, including large transaction ids", () => {
    for (const p of [{ txid: 1, id: 1 }, { txid: 4_294_967_296 * 3 + 7, id: 123_456_789 }]) {
      expect(decodeEventCursor(encodeEventCursor(p))).toEqual(p);
    }
  });

  it("is opaque (no plain numbers) and URL-safe", () => {
    const cursor = encodeEventCursor({ txid: 752, id: 9 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("752");
  });

  it("refuses anything it did not make", () => {
    for (const bad of ["", "abc", "12", Buffer.from("v1.x.1").toString("base64url"), Buffer.from("v2.1.1").toString("base64url"), "a/b"]) {
      expect(() => decodeEventCursor(bad)).toThrow(expect.objectContaining({ code: "validation:cursor" }));
    }
  });

  it("refuses a cursor with anything around it, and numbers past 2^53", () => {
    const good = encodeEventCursor({ txid: 5, id: 6 });
    for (const bad of [`${good}!`, `!${good}`, `${good} `, `${good}.`, `${good}=`]) {
      expect(() => decodeEventCursor(bad), bad).toThrow(expect.objectContaining({ code: "validation:cursor" }));
    }
    for (const text of ["v1.99999999999999999.1", "v1.1.99999999999999999", "v1.1.1.", " v1.1.1", "v1.1"]) {
      expect(() => decodeEventCursor(Buffer.from(text).toString("base64url")), text).toThrow(expect.objectContaining({ code: "validation:cursor" }));
    }
    expect(decodeEventCursor(Buffer.from("v1.9007199254740991.0001").toString("base64url"))).toEqual({ txid: 9_007_199_254_740_991, id: 1 });
    expect(() => decodeEventCursor("nope!")).toThrow(/not a cursor this API gave out/);
  });

  it("orders by transaction id first, then event id", () => {
    expect(isAfter({ txid: 1, id: 99 }, { txid: 2, id: 1 })).toBe(false);
    expect(isAfter({ txid: 1, id: 3 }, { txid: 1, id: 4 })).toBe(false);
    expect(isAfter({ txid: 2, id: 1 }, { txid: 1, id: 99 })).toBe(true);
    expect(isAfter({ txid: 1, id: 5 }, { txid: 1, id: 4 })).toBe(true);
    expect(isAfter({ txid: 1, id: 4 }, { txid: 1, id: 4 })).toBe(false);
  });
});

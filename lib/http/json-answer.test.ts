import { describe, expect, it } from "vitest";
import { compressFromBytes, jsonAnswer } from "./json-answer";

describe("jsonAnswer", () => {
  it("sends a small answer with no-transform added to its Cache-Control, so the compression middleware leaves it as it is", async () => {
    const answer = jsonAnswer({ status: "ok" }, { headers: { "cache-control": "no-store", "x-legit-repeated": "false" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(answer.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(answer.headers.get("x-legit-repeated")).toBe("false");
    expect(await answer.json()).toEqual({ status: "ok" });
    expect(jsonAnswer({}).headers.get("cache-control")).toBe("no-transform");
  });

  it("leaves an answer of the threshold or more to be compressed, counting bytes, not characters", async () => {
    const big = { rows: "x".repeat(compressFromBytes) };
    const answer = jsonAnswer(big, { status: 201, headers: { "cache-control": "no-store" } });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.json()).toEqual(big);
    // 400 Hangul syllables: 400 characters, 1,200 bytes of UTF-8.
    expect(jsonAnswer({ name: "검".repeat(400) }).headers.get("cache-control")).toBeNull();
    expect(jsonAnswer({ name: "검".repeat(300) }).headers.get("cache-control")).toBe("no-transform");
  });
});

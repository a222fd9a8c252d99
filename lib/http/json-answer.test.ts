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
    // Hangul syllables are 3 bytes of UTF-8 each: a third of the threshold in characters is over it in bytes.
    const syllables = Math.ceil(compressFromBytes / 3);
    expect(jsonAnswer({ name: "검".repeat(syllables) }).headers.get("cache-control")).toBeNull();
    expect(jsonAnswer({ name: "검".repeat(syllables - 10) }).headers.get("cache-control")).toBe("no-transform");
  });
});

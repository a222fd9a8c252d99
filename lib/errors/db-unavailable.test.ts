import { describe, expect, it } from "vitest";
import { toErrorResponse } from "@/lib/http/error-response";
import { isDataException } from "./db-errors";
import { isDatabaseUnavailable } from "./db-unavailable";

describe("database outages and refused values", () => {
  it("recognises connection failures from either driver, wrapped or not", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: { code: "57P01" } }))).toBe(true);
    expect(isDatabaseUnavailable({ code: "CONNECTION_CLOSED" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "08006" })).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error(), { code: "ECONNREFUSED" })]))).toBe(true);
    expect(isDatabaseUnavailable({ code: "23505" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });

  it("answers an outage 503 with Retry-After, a refused value 422, anything else 500, all in the error shape", async () => {
    const down = toErrorResponse(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "test");
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect((await down.json()).error.code).toBe("unavailable:database");
    expect(isDataException({ cause: { code: "22P05" } })).toBe(true);
    const bad = toErrorResponse(new Error("wrapped", { cause: { code: "22003" } }), "test");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe("validation:data");
    const other = toErrorResponse(new Error("boom"), "test");
    expect(other.status).toBe(500);
    expect(Object.keys((await other.json()).error).sort()).toEqual(["code", "message"]);
  });
});

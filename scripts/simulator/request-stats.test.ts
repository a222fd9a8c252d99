import { describe, expect, it } from "vitest";
import { formatSummary, percentile, RequestStats } from "./request-stats";

describe("simulator request stats", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 90)).toBe(90);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it("sorts outcomes into ok, conflicts, client, server and network errors per call", () => {
    const stats = new RequestStats();
    for (const [call, status, ms] of [
      ["announce", 201, 10],
      ["announce", 200, 30],
      ["announce", 422, 5],
      ["sale", 409, 8],
      ["sale", 500, 100],
      ["events", "network", 3],
    ] as const) stats.record({ call, status, ms });
    const { calls, all } = stats.summarize();
    expect(calls.map((c) => c.call)).toEqual(["announce", "events", "sale"]);
    expect(calls[0]).toMatchObject({ count: 3, ok: 2, clientErrors: 1, serverErrors: 0, p50: 10, max: 30 });
    expect(calls[2]).toMatchObject({ conflicts: 1, serverErrors: 1 });
    expect(all).toMatchObject({ count: 6, ok: 2, conflicts: 1, clientErrors: 1, serverErrors: 1, networkErrors: 1 });
    expect(formatSummary({ calls, all }, 2)).toContain("6 requests in 2 s (3.0/s)");
  });
});

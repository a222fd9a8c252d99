/** Counts and latencies per call, for the simulator's summary. */
export type CallOutcome = { call: string; status: number | "network"; ms: number };

export type CallSummary = {
  call: string;
  count: number;
  ok: number;
  /** 409/404: the marketplace raced the center (item moved meanwhile); expected now and then. */
  conflicts: number;
  /** Other 4xx: the simulator or the API is wrong. */
  clientErrors: number;
  serverErrors: number;
  networkErrors: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
};

/** Nearest-rank percentile of sorted values (0 for none). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export class RequestStats {
  private outcomes: CallOutcome[] = [];

  record(outcome: CallOutcome): void {
    this.outcomes.push(outcome);
  }

  get total(): number {
    return this.outcomes.length;
  }

  summarize(): { calls: CallSummary[]; all: CallSummary } {
    const byCall = new Map<string, CallOutcome[]>();
    for (const o of this.outcomes) byCall.set(o.call, [...(byCall.get(o.call) ?? []), o]);
    const calls = [...byCall.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([call, list]) => summarizeList(call, list));
    return { calls, all: summarizeList("all", this.outcomes) };
  }
}

function summarizeList(call: string, list: CallOutcome[]): CallSummary {
  const ms = list.map((o) => o.ms).sort((a, b) => a - b);
  const is = (test: (s: number) => boolean) => list.filter((o) => o.status !== "network" && test(o.status)).length;
  return {
    call,
    count: list.length,
    ok: is((s) => s < 400),
    conflicts: is((s) => s === 409 || s === 404),
    clientErrors: is((s) => s >= 400 && s < 500 && s !== 409 && s !== 404),
    serverErrors: is((s) => s >= 500),
    networkErrors: list.filter((o) => o.status === "network").length,
    p50: percentile(ms, 50),
    p90: percentile(ms, 90),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? 0,
  };
}

/** A fixed-width table of the summary. */
export function formatSummary(summary: { calls: CallSummary[]; all: CallSummary }, seconds: number): string {
  const header = ["call", "count", "ok", "409/404", "4xx", "5xx", "net", "p50ms", "p90ms", "p99ms", "maxms"];
  const rows = [...summary.calls, summary.all].map((s) => [
    s.call,
    s.count,
    s.ok,
    s.conflicts,
    s.clientErrors,
    s.serverErrors,
    s.networkErrors,
    s.p50.toFixed(1),
    s.p90.toFixed(1),
    s.p99.toFixed(1),
    s.max.toFixed(1),
  ].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const rate = seconds > 0 ? (summary.all.count / seconds).toFixed(1) : "0";
  return [line(header), ...rows.map(line), "", `${summary.all.count} requests in ${seconds.toFixed(0)} s (${rate}/s)`].join("\n");
}

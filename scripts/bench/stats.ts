import os from "node:os";

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** What one measured phase did: completions, refusals/errors, wall time, latencies (ms). */
export type PhaseResult = {
  done: number;
  errors: number;
  seconds: number;
  latencies: number[];
  exhausted: boolean;
  firstError?: string;
  load: number;
  /** CPU ms the phase cost Legit's server processes, the bench process itself, and PostgreSQL (the bench's own cluster: every backend). */
  cpuMs?: { server: number; bench: number; postgres: number };
  /** HTTP requests the phase sent (Legit's side). */
  requests?: number;
};

export type Summary = { rps: number; p50: number; p95: number; p99: number; errors: number; done: number; rounds: number[]; load: number[] };

export function summarise(phases: PhaseResult[]): Summary {
  const all = phases.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const rounds = phases.map((p) => p.done / p.seconds);
  return {
    rps: median(rounds),
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    errors: phases.reduce((n, p) => n + p.errors, 0),
    done: phases.reduce((n, p) => n + p.done, 0),
    rounds,
    load: phases.map((p) => p.load),
  };
}

export const loadAverage = () => os.loadavg()[0];

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => "| " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
  return [line(header), "| " + widths.map((w, i) => (i === 0 ? "-".repeat(w) : "-".repeat(w - 1) + ":")).join(" | ") + " |", ...cells.slice(1).map(line)].join("\n");
}

import type postgres from "postgres";
import { cpuMsOfTree } from "./cpu-time";
import { table } from "./stats";

/**
 * Statements per action, counted by PostgreSQL itself (pg_stat_statements, which the bench cluster
 * loads, BEGIN and COMMIT included): `run` does the action `n` times one after another, and the
 * calls of every statement over that stretch, divided by `n`, are what one action costs. Other
 * work of the server in the meantime (the app's rollup fold every 10 s) shows as statements with
 * a fraction of a call per action; `detail` lists every statement so they can be told apart.
 *
 * COMMIT is counted as one per BEGIN: pg_stat_statements misses most of postgres.js's COMMITs (it
 * sends them as a named prepared statement after the first, and a repeated utility statement of
 * the extended protocol is not counted: 5 transactions show 5 BEGINs and 1 COMMIT), and every
 * BEGIN is followed by exactly one COMMIT or ROLLBACK round trip.
 */
export type StatementCount = {
  perAction: number;
  /** The bench cluster's CPU per action over the stretch (ms; NaN on another server), and the statements' own time per action (ms). */
  postgresCpuMs: number;
  /** Of that, the client backends' (the connections that ran the statements), ms per action. */
  backendsCpuMs: number;
  execMs: number;
  planMs: number;
  statements: { calls: number; query: string; execMs: number; planMs: number }[];
};

/**
 * `clusterCpuMs` reads the bench cluster's CPU so far (bench-cluster.ts). Exec and plan times are
 * pg_stat_statements' (plan time only with `pg_stat_statements.track_planning=on`, e.g.
 * BENCH_PG_OPTIONS="-c pg_stat_statements.track_planning=on" when the cluster starts).
 */
export async function countStatements(setup: postgres.Sql, n: number, run: () => Promise<void>, clusterCpuMs: () => number = () => NaN): Promise<StatementCount> {
  await setup`create extension if not exists pg_stat_statements`;
  // The units just prepared may set off autovacuum's analyze of items inside the window; its
  // expression index calls a SQL function once per sampled row (30,000 calls), counted as statements.
  await setup`analyze items`;
  await setup`select pg_stat_statements_reset()`;
  const backendsBefore = await clientBackendsCpuMs(setup);
  const cpuBefore = clusterCpuMs();
  await run();
  const postgresCpuMs = (clusterCpuMs() - cpuBefore) / n;
  const backendsAfter = await clientBackendsCpuMs(setup);
  const backendsCpuMs = [...backendsAfter].reduce((sum, [pid, ms]) => sum + ms - (backendsBefore.get(pid) ?? 0), 0) / n;
  const rows = await setup`
    select calls::int, query, total_exec_time::float8 as exec, total_plan_time::float8 as plan from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database())
      and query not like '%pg_stat_statements%'
      and toplevel
    order by calls desc, query`;
  const statements = rows
    .map((r) => ({ calls: (r.calls as number) / n, query: String(r.query).replace(/\s+/g, " "), execMs: (r.exec as number) / n, planMs: (r.plan as number) / n }))
    .filter((s) => !/^(commit|rollback)$/i.test(s.query));
  const begins = statements.filter((s) => /^begin/i.test(s.query)).reduce((sum, s) => sum + s.calls, 0);
  if (begins > 0) statements.push({ calls: begins, query: "commit or rollback (one per begin)", execMs: NaN, planMs: NaN });
  statements.sort((a, b) => b.calls - a.calls || a.query.localeCompare(b.query));
  const sum = (f: (s: StatementCount["statements"][number]) => number) => statements.reduce((total, s) => total + (Number.isNaN(f(s)) ? 0 : f(s)), 0);
  return { perAction: sum((s) => s.calls), postgresCpuMs, backendsCpuMs, execMs: sum((s) => s.execMs), planMs: sum((s) => s.planMs), statements };
}

/** CPU so far of each client backend of this database but the caller's own (ms by pid; 0 when not on this machine). */
async function clientBackendsCpuMs(setup: postgres.Sql): Promise<Map<number, number>> {
  const rows = await setup`
    select pid from pg_stat_activity
    where backend_type = 'client backend' and datname = current_database() and pid <> pg_backend_pid()`;
  return new Map(rows.map((r) => [r.pid as number, cpuMsOfTree(r.pid as number)]));
}

export function printCounts(counts: { action: string; legit: StatementCount; raw?: StatementCount }[], detail: boolean): void {
  console.log("\nStatements per action (pg_stat_statements, BEGIN and COMMIT included; HTTP actions include the session's user read)\n");
  const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "–" : v.toFixed(3));
  const rows = counts.map((c) => [
    c.action,
    c.legit.perAction.toFixed(1),
    c.raw ? c.raw.perAction.toFixed(1) : "–",
    ms(c.legit.postgresCpuMs),
    ms(c.raw?.postgresCpuMs),
    ms(c.legit.backendsCpuMs),
    ms(c.raw?.backendsCpuMs),
    ms(c.legit.execMs),
    ms(c.raw?.execMs),
    ms(c.legit.planMs),
    ms(c.raw?.planMs),
  ]);
  console.log(table(["action", "Legit", "raw", "PG CPU Legit", "PG CPU raw", "backends Legit", "backends raw", "exec Legit", "exec raw", "plan Legit", "plan raw"], rows));
  console.log("(ms per action, one station, one action after another: PostgreSQL's CPU, of it its client backends'; the statements' exec and plan time, pg_stat_statements)");
  if (!detail) return;
  for (const c of counts) {
    for (const [side, count] of [["Legit", c.legit], ["raw", c.raw]] as const) {
      if (!count) continue;
      console.log(`\n  ${c.action}, ${side}:`);
      console.log("     calls  exec ms  plan ms  statement (per action)");
      for (const s of count.statements) console.log(`    ${s.calls.toFixed(2).padStart(6)}  ${ms(s.execMs).padStart(7)}  ${ms(s.planMs).padStart(7)}  ${s.query.slice(0, 220)}`);
    }
  }
}

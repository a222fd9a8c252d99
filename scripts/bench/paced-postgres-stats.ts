import type postgres from "postgres";

/**
 * PostgreSQL's side of the paced run's tail, independent of how busy the machine is: which
 * statements ran slow (pg_stat_statements, reset when the phase starts: calls, mean and max time),
 * what the WAL's flushes cost (pg_stat_wal with track_wal_io_timing: a COMMIT waits for its flush),
 * and which tables autovacuum or autoanalyze touched meanwhile. The bench's own cluster loads
 * pg_stat_statements (scripts/bench/bench-cluster.ts); on another server without it the statement
 * part is left out.
 */
export async function observePostgresTail(setup: postgres.Sql) {
  const preloaded = (await setup`select current_setting('shared_preload_libraries') as libs`)[0].libs as string;
  const statements = preloaded.includes("pg_stat_statements");
  if (statements) {
    await setup`create extension if not exists pg_stat_statements`;
    await setup`select pg_stat_statements_reset()`;
  }
  await setup`select pg_stat_reset_shared('wal')`;
  const maintenance = () => setup`select relname, autovacuum_count::int as vacuums, autoanalyze_count::int as analyzes from pg_stat_user_tables`;
  const before = new Map((await maintenance()).map((r) => [r.relname as string, r]));
  const started = Date.now();

  return async () => {
    const seconds = (Date.now() - started) / 1000;
    const slowest = statements
      ? ((await setup`select left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query, calls::int, mean_exec_time as "meanMs", max_exec_time as "maxMs",
                             stddev_exec_time as "stddevMs", shared_blks_hit + shared_blks_read as blocks, shared_blks_read as "blocksRead"
                      from pg_stat_statements
                      where query not like '%pg_stat%' and query not like '%pg_stat_statements%'
                      order by max_exec_time desc limit 8`) as unknown as {
          query: string;
          calls: number;
          meanMs: number;
          maxMs: number;
          stddevMs: number;
          blocks: number;
          blocksRead: number;
        }[])
      : null;
    const [wal] = await setup`select wal_records::int as records, wal_bytes::bigint::float8 as bytes, wal_write::int as writes, wal_sync::int as syncs,
                                     wal_write_time as "writeMs", wal_sync_time as "syncMs", wal_buffers_full::int as "buffersFull",
                                     current_setting('track_wal_io_timing') = 'on' as timed
                              from pg_stat_wal`;
    const maintained = (await maintenance())
      .map((r) => ({ table: r.relname as string, vacuums: r.vacuums - (before.get(r.relname)?.vacuums ?? 0), analyzes: r.analyzes - (before.get(r.relname)?.analyzes ?? 0) }))
      .filter((r) => r.vacuums > 0 || r.analyzes > 0);
    return { seconds, slowest, wal: wal as Record<string, number | boolean>, maintained };
  };
}

export type PostgresTail = Awaited<ReturnType<Awaited<ReturnType<typeof observePostgresTail>>>>;

/** The lines the bench prints under the paced table. */
export function postgresTailLines(tail: PostgresTail, fmt: (n: number, digits?: number) => string): string[] {
  const lines: string[] = [];
  const w = tail.wal as { syncs: number; syncMs: number; writes: number; writeMs: number; records: number; bytes: number; buffersFull: number; timed: boolean };
  const perSync = w.syncs > 0 && w.timed ? `, ${fmt(w.syncMs / w.syncs, 2)} ms per flush` : "";
  lines.push(
    `  WAL: ${w.records} records, ${fmt(w.bytes / 1e6, 1)} MB, ${w.syncs} flushes taking ${w.timed ? `${fmt(w.syncMs)} ms in all${perSync}` : "(untimed: track_wal_io_timing off)"}, ${w.writes} writes (${w.timed ? `${fmt(w.writeMs)} ms` : "untimed"}), WAL buffers full ${w.buffersFull}×`,
  );
  lines.push(`  autovacuum/autoanalyze meanwhile: ${tail.maintained.length ? tail.maintained.map((m) => `${m.table} (${m.vacuums} vacuum, ${m.analyzes} analyze)`).join(", ") : "none"}`);
  if (tail.slowest) {
    lines.push("  slowest statements by their longest run (pg_stat_statements over the paced phase; max / mean ms, calls, blocks per call):");
    for (const s of tail.slowest) lines.push(`    ${fmt(s.maxMs, 1).padStart(7)} / ${fmt(s.meanMs, 2).padStart(6)}  ${String(s.calls).padStart(5)}×  ${fmt(s.blocks / Math.max(1, s.calls), 0).padStart(5)}  ${s.query}`);
  } else lines.push("  (no statement times: the server does not load pg_stat_statements)");
  return lines;
}

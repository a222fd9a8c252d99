import { existsSync, readFileSync, rmSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ChildProcess } from "node:child_process";
import type postgres from "postgres";
import { observePostgresTail } from "./paced-postgres-stats";
import { cpuPriority } from "./cpu-priority";
import { processTree, schedCounter, type Sched } from "./sched-wait";

type Sample = { at: number; active: number; lockWaits: number; walWaits: number; walSyncMs: number; server: Sched | null; backends: Sched };

/**
 * What else happened while the paced run measured latency, to find where a tail comes from: the
 * load generator's own event-loop delay (it shares the cores), the server's event-loop delay and GC
 * pauses (scripts/bench/server-probe.cjs, read on SIGUSR2), and PostgreSQL seen from
 * pg_stat_activity every 50 ms (the app's busy connections of its pool of 10, lock waits) and
 * pg_stat_bgwriter (checkpoints), and its statements, WAL flushes and autovacuum runs
 * (scripts/bench/paced-postgres-stats.ts).
 */
export async function observePaced(options: { setup: postgres.Sql; server: ChildProcess | null; probeFile: string | null }) {
  const { setup, server, probeFile } = options;
  const probe = async () => {
    if (!server?.pid || !probeFile) return null;
    if (existsSync(probeFile)) rmSync(probeFile);
    server.kill("SIGUSR2");
    for (let i = 0; i < 40 && !existsSync(probeFile); i++) await new Promise((r) => setTimeout(r, 25));
    return existsSync(probeFile) ? (JSON.parse(readFileSync(probeFile, "utf8")) as Record<string, unknown>) : null;
  };
  await probe(); // starts the server's measurement afresh
  const checkpoints = async () => (await setup`select checkpoints_timed + checkpoints_req as n from pg_stat_bgwriter`)[0].n as number;
  const checkpointsBefore = await checkpoints();
  const postgresTail = await observePostgresTail(setup);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const samples: Sample[] = [];
  const serverSched = schedCounter();
  const backendSched = schedCounter();
  const priority = cpuPriority();
  const prioritySetting = priority.describe();
  const started = performance.now();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [row] = await setup`select count(*) filter (where state = 'active')::int as active,
                                      count(*) filter (where wait_event_type = 'Lock')::int as "lockWaits",
                                      count(*) filter (where wait_event like 'WAL%')::int as "walWaits",
                                      coalesce(array_agg(pid), '{}') as pids,
                                      (select wal_sync_time from pg_stat_wal) as "walSyncMs",
                                      (select array_agg(pid) from pg_stat_activity) as "clusterPids"
                               from pg_stat_activity where application_name = 'legit-app'`;
      samples.push({
        at: performance.now() - started,
        active: row.active,
        lockWaits: row.lockWaits,
        walWaits: row.walWaits,
        walSyncMs: row.walSyncMs,
        server: server?.pid ? serverSched(processTree(server.pid)) : null,
        backends: backendSched(row.pids as number[]),
      });
      // The whole cluster (the WAL writer and checkpointer too), not only the app's backends.
      priority.raise(row.clusterPids as number[]);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    sampling = false;
    await sampler;
    priority.restore();
    loop.disable();
    const ms = (ns: number) => ns / 1e6;
    const share = (f: (s: Sample) => boolean) => samples.filter(f).length / Math.max(1, samples.length);
    return {
      /** BENCH_PRIORITY=1: the autogroup nice of the bench (scripts/bench/cpu-priority.ts). */
      priority: prioritySetting,
      client: { eventLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) } },
      server: await probe(),
      postgres: {
        samples: samples.length,
        /** Share of samples with all 10 of the app's connections busy (requests then wait for the pool). */
        poolFullShare: share((s) => s.active >= 10),
        meanActive: samples.reduce((n, s) => n + s.active, 0) / Math.max(1, samples.length),
        lockWaitShare: share((s) => s.lockWaits > 0),
        checkpoints: (await checkpoints()) - checkpointsBefore,
        ...(await postgresTail()),
      },
      /** Per second since the observer started (about when the paced phase starts). */
      bySecond: bySecond(samples),
    };
  };
}

/**
 * Per second: the server's CPU time and its time runnable but waiting for a core, the same for the
 * app's PostgreSQL backends, the WAL's flush time, and how many samples caught an app connection
 * waiting on the WAL. Read beside the slow requests per second: a slow second with a large run-queue
 * wait is the machine's other load; one with long WAL flushes is the disk; one with neither is ours.
 */
function bySecond(samples: Sample[]) {
  const seconds: { serverCpuMs: number; serverWaitMs: number; pgCpuMs: number; pgWaitMs: number; walSyncMs: number; walSyncWorstMs: number; walWaitSamples: number }[] = [];
  let previousWal = samples[0]?.walSyncMs ?? 0;
  for (const s of samples) {
    const i = Math.floor(s.at / 1000);
    while (seconds.length <= i) seconds.push({ serverCpuMs: 0, serverWaitMs: 0, pgCpuMs: 0, pgWaitMs: 0, walSyncMs: 0, walSyncWorstMs: 0, walWaitSamples: 0 });
    const b = seconds[i];
    b.serverCpuMs += s.server?.cpuMs ?? 0;
    b.serverWaitMs += s.server?.waitMs ?? 0;
    b.pgCpuMs += s.backends.cpuMs;
    b.pgWaitMs += s.backends.waitMs;
    // Flushes run one at a time (WALWriteLock) and count when they end: a sample window holding
    // more flush time than its own length took a single stalled flush.
    b.walSyncMs += Math.max(0, s.walSyncMs - previousWal);
    b.walSyncWorstMs = Math.max(b.walSyncWorstMs, s.walSyncMs - previousWal);
    b.walWaitSamples += s.walWaits > 0 ? 1 : 0;
    previousWal = s.walSyncMs;
  }
  return seconds;
}

/** Requests slower than `slowMs`, by second of the run: whether the tail comes in bursts (pauses) or spread out. */
export function slowBySecond(timed: { at: number; ms: number }[], slowMs: number): number[] {
  const seconds: number[] = [];
  for (const t of timed) {
    const s = Math.floor(t.at / 1000);
    while (seconds.length <= s) seconds.push(0);
    if (t.ms > slowMs) seconds[s]++;
  }
  return seconds;
}

/** The per-second rows printed under the paced table, aligned with the slow requests per second. */
export function bySecondLines(slow: number[], slowByKind: Record<string, number[]>, seconds: ReturnType<typeof bySecond>): string[] {
  const n = Math.max(slow.length, seconds.length);
  const row = (label: string, value: (i: number) => number) =>
    `    ${label.padEnd(28)}${Array.from({ length: n }, (_, i) => String(Math.round(value(i))).padStart(5)).join("")}`;
  const at = (i: number) => seconds[i] ?? { serverCpuMs: 0, serverWaitMs: 0, pgCpuMs: 0, pgWaitMs: 0, walSyncMs: 0, walSyncWorstMs: 0, walWaitSamples: 0 };
  const total = (f: (s: ReturnType<typeof at>) => number) => seconds.reduce((sum, s) => sum + f(s), 0);
  return [
    `  by second (server = next start; pg = the app's PostgreSQL backends; "waiting" = its main thread runnable with no free core; totals: server ${Math.round(total((s) => s.serverCpuMs))} ms on a core, ${Math.round(total((s) => s.serverWaitMs))} ms waiting; pg ${Math.round(total((s) => s.pgCpuMs))} / ${Math.round(total((s) => s.pgWaitMs))} ms; WAL flushes ${Math.round(total((s) => s.walSyncMs))} ms):`,
    row("second", (i) => i),
    row("requests over 50 ms", (i) => slow[i] ?? 0),
    ...Object.entries(slowByKind).map(([kind, k]) => row(`  ${kind}`, (i) => k[i] ?? 0)),
    row("server on a core, ms", (i) => at(i).serverCpuMs),
    row("server waiting for a core, ms", (i) => at(i).serverWaitMs),
    row("pg on a core, ms", (i) => at(i).pgCpuMs),
    row("pg waiting for a core, ms", (i) => at(i).pgWaitMs),
    row("WAL flushes, ms", (i) => at(i).walSyncMs),
    row("WAL flushes, worst 50 ms, ms", (i) => at(i).walSyncWorstMs),
    row("samples with a WAL wait", (i) => at(i).walWaitSamples),
  ];
}

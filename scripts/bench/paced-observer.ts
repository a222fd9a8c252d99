import { existsSync, readFileSync, rmSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { ChildProcess } from "node:child_process";
import type postgres from "postgres";
import { observePostgresTail } from "./paced-postgres-stats";

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
  const samples: { active: number; lockWaits: number }[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [row] = await setup`select count(*) filter (where state = 'active')::int as active,
                                      count(*) filter (where wait_event_type = 'Lock')::int as "lockWaits"
                               from pg_stat_activity where application_name = 'legit-app'`;
      samples.push(row as { active: number; lockWaits: number });
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    sampling = false;
    await sampler;
    loop.disable();
    const ms = (ns: number) => ns / 1e6;
    const share = (f: (s: { active: number; lockWaits: number }) => boolean) => samples.filter(f).length / Math.max(1, samples.length);
    return {
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
    };
  };
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

import { existsSync, readdirSync, readFileSync } from "node:fs";

/**
 * CPU time and run-queue wait of processes, from Linux's /proc/<pid>/task/<tid>/schedstat (ns on a
 * core, ns runnable but waiting for one): CPU summed over threads, the wait of the main thread. The wait is what another program on the same cores costs
 * a process, so it tells a tail caused by the machine's other load from one of the process's own.
 */
export type Sched = { cpuMs: number; waitMs: number };

export function schedOf(pid: number): Sched {
  const dir = `/proc/${pid}/task`;
  const total = { cpuMs: 0, waitMs: 0 };
  if (!existsSync(dir)) return total;
  for (const tid of safeList(dir)) {
    const fields = safeRead(`${dir}/${tid}/schedstat`).split(" ");
    if (fields.length < 2) continue;
    // CPU of every thread (GC helpers, libuv's pool); the wait of the main thread only, the one
    // that runs the requests (helper threads waiting side by side would add up past the wall time).
    total.cpuMs += Number(fields[0]) / 1e6;
    if (tid === String(pid)) total.waitMs += Number(fields[1]) / 1e6;
  }
  return total;
}

/** `pid` and every process below it (next start may run its server in a child). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    for (const tid of safeList(`/proc/${out[i]}/task`)) {
      for (const child of safeRead(`/proc/${out[i]}/task/${tid}/children`).split(" ").filter(Boolean)) out.push(Number(child));
    }
  }
  return out;
}

/** Summed over `pids`, each process's counters remembered so that a process that ends or starts midway counts only what it did meanwhile. */
export function schedCounter() {
  const last = new Map<number, Sched>();
  return (pids: number[]): Sched => {
    const step = { cpuMs: 0, waitMs: 0 };
    for (const pid of pids) {
      const now = schedOf(pid);
      const before = last.get(pid);
      if (before) {
        step.cpuMs += Math.max(0, now.cpuMs - before.cpuMs);
        step.waitMs += Math.max(0, now.waitMs - before.waitMs);
      }
      last.set(pid, now);
    }
    return step;
  };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

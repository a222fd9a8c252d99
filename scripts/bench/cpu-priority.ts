import { readFileSync, writeFileSync } from "node:fs";

/**
 * `BENCH_PRIORITY=1` (root, Linux with autogroup scheduling): during the paced phase the bench, its
 * `next start` and the PostgreSQL server's processes (same machine) run with autogroup nice -15, so the other programs
 * on a shared machine take CPU from them last. Each PostgreSQL backend calls setsid(), so with
 * autogroup it is a scheduling group of its own, as heavy as a whole test run of another program:
 * a plain `nice` does nothing across groups. This measures the app's own tail on a busy machine; it
 * is not how production runs. Every group raised is set back to 0 by `restore`.
 */
export function cpuPriority() {
  const raised = new Set<number>();
  const wanted = process.env.BENCH_PRIORITY === "1";
  const set = (pid: number | "self", nice: number) => {
    try {
      writeFileSync(`/proc/${pid}/autogroup`, String(nice));
      return true;
    } catch {
      return false;
    }
  };
  return {
    enabled: wanted && set("self", -15),
    /** Raises these processes' groups (new ones only). */
    raise(pids: number[]) {
      if (!this.enabled) return;
      for (const pid of pids) if (!raised.has(pid) && set(pid, -15)) raised.add(pid);
    },
    restore() {
      if (!this.enabled) return;
      for (const pid of raised) set(pid, 0);
      set("self", 0);
    },
    /** The bench's own group, as the kernel reports it (for the printed run). */
    describe: () => (wanted ? safeRead("/proc/self/autogroup") : "off"),
  };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "unavailable";
  }
}

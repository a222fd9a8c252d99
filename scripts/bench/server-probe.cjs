// Preloaded into the bench's `next start` (node --require): measures the server's own event-loop
// delay and garbage-collection pauses, so a latency tail can be told apart from the load generator's.
// SIGUSR2 writes what was measured since the previous SIGUSR2 to BENCH_PROBE_FILE (JSON) and starts afresh.
const { monitorEventLoopDelay, PerformanceObserver } = require("node:perf_hooks");
const { writeFileSync } = require("node:fs");

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  const gcKinds = { 1: "scavenge", 2: "mark-sweep-compact", 4: "incremental", 8: "weak-callbacks" };
  let loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let gc = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc.push({ kind: gcKinds[e.detail?.kind] ?? String(e.detail?.kind), ms: e.duration, at: e.startTime });
  }).observe({ entryTypes: ["gc"] });
  const ms = (ns) => ns / 1e6;
  process.on("SIGUSR2", () => {
    const byKind = {};
    for (const g of gc) {
      const k = (byKind[g.kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
      k.count++;
      k.totalMs += g.ms;
      k.maxMs = Math.max(k.maxMs, g.ms);
    }
    const pauses = gc.map((g) => g.ms).sort((a, b) => a - b);
    writeFileSync(
      file,
      JSON.stringify({
        eventLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max), mean: ms(loop.mean) },
        gc: { count: pauses.length, totalMs: pauses.reduce((a, b) => a + b, 0), maxMs: pauses.at(-1) ?? 0, over20ms: pauses.filter((p) => p > 20).length, byKind },
        rssMb: process.memoryUsage().rss / 2 ** 20,
        heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
      }),
    );
    loop.disable();
    loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    gc = [];
  });
}

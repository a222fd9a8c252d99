/**
 * Scale-out measured (prints figures; not a test): the bench's station actions against one Legit
 * instance, then against two `next start` behind haproxy, on the same PostgreSQL (the bench
 * database: `npm run bench:data` first) and the same client. Prints one table side by side.
 *
 *   npm run bench:scale [-- --levels 20,100 --duration 5 --rounds 2 --actions lookup,bin,receive,claim,putaway,pick,pack,announce --port 3950 --two-first]
 *
 * Needs haproxy (Debian: apt-get install -y haproxy) and a production build (npx next build).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fmt, table, type Summary } from "./stats";

const argValue = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const levels = argValue("levels", "20,100");
const duration = argValue("duration", "5");
const rounds = argValue("rounds", "2");
const actions = argValue("actions", "lookup,bin,receive,claim,putaway,pick,pack,announce");
// The balancer's (or the one instance's) port; two instances take the next two. Not 3900: its next
// port, 3901, is the bench's own PostgreSQL cluster.
const port = argValue("port", "3950");
const out = path.join("bench-results", `scale-${Date.now().toString(36)}`);

type Throughput = Record<string, Record<string, { legit: Summary }>>;

/** One bench run (Legit side only), its throughput table read back from its JSON. */
function run(label: string, extra: string[]): { throughput: Throughput; load: number[] } {
  const dir = path.join(out, label);
  mkdirSync(dir, { recursive: true });
  const args = ["run", "bench", "--", "--levels", levels, "--duration", duration, "--rounds", rounds, "--actions", actions, "--paced", "0", "--no-raw", "--no-manager", "--port", port, "--out", dir, ...extra];
  console.log(`\n== ${label}: npm ${args.join(" ")} (load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")})`);
  const result = spawnSync("npm", args, { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`bench (${label}) exited with ${result.status}`);
  const file = readdirSync(dir).find((f) => f.startsWith("bench-") && f.endsWith(".json"));
  if (!file) throw new Error(`bench (${label}) wrote no JSON in ${dir}`);
  const json = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { throughput: Throughput; machine: { loadAverageEnd: number[] } };
  return { throughput: json.throughput, load: json.machine.loadAverageEnd };
}

// --two-first runs the two instances first: on a machine whose load drifts, a second run in the
// other order shows how much of the difference is the order.
const runOne = () => run("one-instance", ["--instances", "1"]);
const runTwo = () => run("two-instances-haproxy", ["--instances", "2", "--balancer", "haproxy"]);
const twoFirst = process.argv.includes("--two-first");
const early = twoFirst ? runTwo() : null;
const one = runOne();
const two = early ?? runTwo();

const rows: (string | number)[][] = [];
const ratios: number[] = [];
for (const action of actions.split(",")) {
  for (const level of levels.split(",")) {
    const a = one.throughput[action]?.[level]?.legit;
    const b = two.throughput[action]?.[level]?.legit;
    if (!a || !b) continue;
    const ratio = b.rps / a.rps;
    if (Number.isFinite(ratio)) ratios.push(ratio);
    rows.push([action, level, fmt(a.rps), fmt(a.p50, 1), fmt(a.p99, 1), a.errors, fmt(b.rps), fmt(b.p50, 1), fmt(b.p99, 1), b.errors, fmt(ratio, 2)]);
  }
}
const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
console.log(`\nOne instance vs two behind haproxy, one PostgreSQL, ${os.cpus().length} cores shared by the app, the database and this client (requests/s; latency in ms)\n`);
console.log(table(["action", "stations", "1×/s", "p50", "p99", "err", "2×/s", "p50", "p99", "err", "2×/1×"], rows));
console.log(`\n2×/1× over all rows (geometric mean): ${fmt(geomean, 2)}; load average at the end: ${one.load.map((l) => l.toFixed(1)).join(" ")} (1×), ${two.load.map((l) => l.toFixed(1)).join(" ")} (2×)${twoFirst ? "; two instances ran first" : ""}`);
console.log(`JSON of both runs under ${out}/`);

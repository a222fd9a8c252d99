/**
 * The per-request floor of the server (prints figures; not a test): what one request costs the
 * server's CPU when it does (almost) nothing, against what it costs when it does a station's work.
 * Starts `next start` on the production build against the bench database (`npm run bench:data`
 * first) and, beside it, plain node:http answering the same JSON (scripts/bench/plain-http-server.cjs),
 * then drives each target with the same keep-alive client, interleaved round by round:
 *
 *   node:http  GET /api/health on plain node:http: Node's HTTP alone, no framework
 *   health     GET /api/health on `next start`: a route handler with constant JSON, no session, no database
 *   staff      GET /api/station/printers as an operator: staffRoute's session cookie decode and user
 *              read, then its refusal (403 forbidden:role, a manager's route): no further database work
 *   lookup     POST /api/station/receiving/scan: an item-label scan (session, user read, one lookup)
 *   sql:tcp, sql:socket  the user read's statement straight through postgres.js (a pool of 10, in this
 *              process) over loopback TCP and over the Unix socket: the driver's and PostgreSQL's CPU per
 *              statement each way (only on the bench's own cluster)
 *
 *   npm run bench:floor [-- --clients 10 --duration 5 --rounds 3 --port 3950 --targets node:http,health,staff,lookup,sql:tcp,sql:socket
 *                          --accept-encoding ""]   (default: a browser's Accept-Encoding; "" sends none)
 *
 * Per target: requests/s, p50/p99, and the server's CPU per request (its process tree, utime + stime),
 * the client's, and the server's garbage collection per request (scripts/bench/server-probe.cjs).
 * BENCH_CPU_PROF=<dir> profiles both servers (node --cpu-prof); BENCH_SERVER_NODE_ARGS passes flags to both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { connectPostgres } from "@/db/postgres-target";
import { benchClusterCpuMs, benchClusterUrls, benchDatabaseUrl } from "./bench-cluster";
import { benchPin, operatorBadge } from "./bench-identities";
import { cpuMsOfTree, ownCpuMs } from "./cpu-time";
import { request, signIn, waitForServer, type HttpAnswer, type Station } from "./http-client";
import { sampleItemCodes } from "./prepare";
import { startLegit, stopLegit, type Legit } from "./server";
import { fmt, loadAverage, median, percentile, table } from "./stats";

const argValue = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const opts = {
  clients: Number(argValue("clients", "10")),
  duration: Number(argValue("duration", "5")),
  rounds: Number(argValue("rounds", "3")),
  port: Number(argValue("port", "3950")),
  targets: argValue("targets", "node:http,health,staff,lookup,sql:tcp,sql:socket").split(","),
  // What a browser sends by default (scripts/bench/http-client.ts); "" sends none.
  acceptEncoding: argValue("accept-encoding", "browser"),
  out: argValue("out", "bench-results"),
};
const nextBase = `http://127.0.0.1:${opts.port}`;
const plainPort = opts.port + 1;
const plainBase = `http://127.0.0.1:${plainPort}`;
const runTag = Date.now().toString(36);
let counter = 0;

type Server = { name: string; process: ChildProcess | null; probeFile: string };
type Target = { name: string; server: "next" | "plain" | "none"; call: (client: number) => Promise<Pick<HttpAnswer, "status" | "body"> & Partial<Pick<HttpAnswer, "headers" | "bytes">>>; expect: number };
type Phase = { answer?: string; done: number; seconds: number; latencies: number[]; serverMs: number; clientMs: number; postgresMs: number; gcMs: number | null; load: number; errors: number; firstError?: string };

function startPlain(log: NodeJS.WritableStream, probeFile: string): ChildProcess {
  const args = [
    ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
    "--require",
    path.join(process.cwd(), "scripts", "bench", "server-probe.cjs"),
    path.join(process.cwd(), "scripts", "bench", "plain-http-server.cjs"),
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, PORT: String(plainPort), BENCH_PROBE_FILE: probeFile }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return child;
}

/** GC pause time (ms) since the previous call, from the server's probe; null without one. */
async function gcMsSinceLast(server: Server): Promise<number | null> {
  if (!server.process?.pid) return null;
  if (existsSync(server.probeFile)) rmSync(server.probeFile);
  server.process.kill("SIGUSR2");
  for (let i = 0; i < 40 && !existsSync(server.probeFile); i++) await new Promise((r) => setTimeout(r, 25));
  if (!existsSync(server.probeFile)) return null;
  return (JSON.parse(readFileSync(server.probeFile, "utf8")) as { gc: { totalMs: number } }).gc.totalMs;
}

async function runPhase(target: Target, server: Server, seconds: number): Promise<Phase> {
  const latencies: number[] = [];
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  let first: string | undefined;
  await gcMsSinceLast(server);
  const cpuBefore = { server: cpuMsOfTree(server.process?.pid), client: ownCpuMs(), postgres: benchClusterCpuMs() };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          const answer = await target.call(client);
          if (answer.status !== target.expect) throw new Error(`HTTP ${answer.status} (expected ${target.expect}): ${answer.body.slice(0, 200)}`);
          first ??= answer.headers ? `${answer.bytes} B${answer.headers["content-encoding"] ? ` ${answer.headers["content-encoding"]}` : ""}` : undefined;
          latencies.push(performance.now() - t);
          done++;
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const serverMs = cpuMsOfTree(server.process?.pid) - cpuBefore.server;
  const clientMs = ownCpuMs() - cpuBefore.client;
  const postgresMs = benchClusterCpuMs() - cpuBefore.postgres;
  const gcMs = await gcMsSinceLast(server);
  return { answer: first, done, seconds: elapsed, latencies: latencies.sort((a, b) => a - b), serverMs, clientMs, postgresMs, gcMs, load: loadAverage(), errors, firstError };
}

async function main() {
  mkdirSync(opts.out, { recursive: true });
  const log = createWriteStream(path.join(opts.out, `floor-server-${runTag}.log`));
  const databaseUrl = benchDatabaseUrl();
  const setup = connectPostgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [center] = await setup`select id from centers where code = 'BN1'`;
  const [user] = await setup`select id from users limit 1`;
  if (!center) throw new Error("No bench data: run `npm run bench:data` first.");
  const codes = await sampleItemCodes(setup, center.id as string, 5000);
  await setup.end();

  const probe = (name: string) => path.join(os.tmpdir(), `legit-floor-${runTag}-${name}.json`);
  const legit: Legit = startLegit({ port: opts.port, databaseUrl, instances: 1, log, probeFile: probe("next") });
  const servers: Record<Target["server"], Server> = {
    none: { name: "(this process)", process: null, probeFile: "" },
    next: { name: "next start", process: legit.processes[0], probeFile: probe("next") },
    plain: { name: "node:http", process: startPlain(log, probe("plain")), probeFile: probe("plain") },
  };
  const results: Record<string, unknown> = {};
  // The driver alone, per statement: a pool like the app's (10 connections) over each kind of connection, when the bench runs its own cluster.
  const urls = Number.isNaN(benchClusterCpuMs()) ? null : benchClusterUrls();
  const pools = urls ? { tcp: connectPostgres(urls.tcp, { max: 10, onnotice: () => {} }), socket: connectPostgres(urls.socket, { max: 10, onnotice: () => {} }) } : {};
  try {
    await waitForServer(nextBase);
    await waitForPlain();
    const encoding: Record<string, string> = opts.acceptEncoding === "browser" ? {} : { "accept-encoding": opts.acceptEncoding };
    const stations: Station[] = [];
    for (let k = 1; k <= opts.clients; k++) stations.push(await signIn(nextBase, "badge", { badge: operatorBadge(1, k), pin: benchPin }, `FLOOR-${k}`));
    const stationHeaders = (client: number) => ({ ...encoding, cookie: stations[client].cookie, "x-legit-station": stations[client].name });
    const all: Target[] = [
      { name: "node:http", server: "plain", expect: 200, call: () => request(plainBase, "GET", "/api/health", { headers: encoding }) },
      { name: "health", server: "next", expect: 200, call: () => request(nextBase, "GET", "/api/health", { headers: encoding }) },
      { name: "staff", server: "next", expect: 403, call: (c) => request(nextBase, "GET", "/api/station/printers", { headers: stationHeaders(c) }) },
      {
        name: "lookup",
        server: "next",
        expect: 200,
        call: (c) =>
          request(nextBase, "POST", "/api/station/receiving/scan", {
            headers: { ...stationHeaders(c), "content-type": "application/json" },
            body: JSON.stringify({ scanId: `floor-${runTag}-${++counter}`, code: codes[counter % codes.length] }),
          }),
      },
    ];
    for (const [kind, pool] of Object.entries(pools)) {
      all.push({
        name: `sql:${kind}`,
        server: "none",
        expect: 200,
        call: async () => {
          const rows = await pool`select id, role from users where id = ${user.id as string}`;
          return { status: rows.length === 1 ? 200 : 404, body: "" };
        },
      });
    }
    const targets = all.filter((t) => opts.targets.includes(t.name));
    const say = (line: string) => console.log(`[load ${fmt(loadAverage(), 2)}] ${line}`);
    say(`${os.cpus().length} cores; ${opts.clients} clients; ${opts.duration} s × ${opts.rounds} rounds; Accept-Encoding: ${opts.acceptEncoding === "browser" ? "a browser's" : opts.acceptEncoding || "none"}`);
    for (const target of targets) await runPhase(target, servers[target.server], 2); // warm-up: compilation, caches
    const phases = new Map<string, Phase[]>();
    for (let round = 0; round < opts.rounds; round++) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const phase = await runPhase(target, servers[target.server], opts.duration);
        phases.set(target.name, [...(phases.get(target.name) ?? []), phase]);
        say(
          `round ${round + 1} ${target.name.padEnd(10)} ${fmt(phase.done / phase.seconds)}/s, server ${fmt(phase.serverMs / phase.done, 3)} ms/request` +
            `${phase.errors ? `, ${phase.errors} errors (${phase.firstError})` : ""}`,
        );
      }
    }
    const rows = targets.map((t) => {
      const p = phases.get(t.name)!;
      const per = (f: (x: Phase) => number | null) => median(p.filter((x) => x.done > 0 && f(x) !== null).map((x) => f(x)! / x.done));
      const latencies = p.flatMap((x) => x.latencies).sort((a, b) => a - b);
      const row = {
        rps: median(p.map((x) => x.done / x.seconds)),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        serverMs: per((x) => x.serverMs),
        clientMs: per((x) => x.clientMs),
        postgresMs: per((x) => x.postgresMs),
        gcMs: per((x) => x.gcMs),
        errors: p.reduce((n, x) => n + x.errors, 0),
        answer: p[0].answer ?? "",
        rounds: p.map((x) => ({ rps: x.done / x.seconds, serverMs: x.serverMs / x.done, load: x.load })),
      };
      results[t.name] = row;
      return [t.name, servers[t.server].name, row.answer, fmt(row.rps), fmt(row.p50, 2), fmt(row.p99, 2), fmt(row.serverMs, 3), fmt(row.gcMs ?? NaN, 3), fmt(row.postgresMs, 3), fmt(row.clientMs, 3), row.errors];
    });
    console.log(`\nThe server's floor per request (${opts.clients} clients, medians of ${opts.rounds} rounds; ms)\n`);
    console.log(table(["target", "server", "answer", "req/s", "p50", "p99", "server CPU", "of it GC", "PostgreSQL", "client CPU", "err"], rows));
    console.log("\n  node:http: plain Node answering /api/health's JSON; health: the same route in `next start`; staff: staffRoute's session and user read,");
    console.log("  then a 403; lookup: an item-label scan. Server CPU: the process tree's utime + stime per request; GC: pause time per request;");
    console.log("  PostgreSQL: the bench cluster's CPU per request.");
  } finally {
    await stopLegit({ processes: [servers.next.process!, servers.plain.process!], instances: [] });
    await Promise.all(Object.values(pools).map((pool) => pool.end()));
    const file = path.join(opts.out, `floor-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), options: opts, machine: { cores: os.cpus().length, loadAverageEnd: os.loadavg() }, results }, null, 2));
    console.log(`\nJSON: ${file}`);
  }
}

async function waitForPlain(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await request(plainBase, "GET", "/api/health")).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("plain node:http server did not start");
}

if (!existsSync("package.json")) throw new Error("run from the repository root");
main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type Balancer = "cluster" | "haproxy";

/** What the bench started: its processes (the instances and their balancer), and each instance's own address. */
export type Legit = { processes: ChildProcess[]; instances: string[] };

/**
 * Starts Legit in production mode (`next start` on the build in .next) against `databaseUrl` on
 * `port`: one process; or `instances` processes sharing the port through Node's cluster module
 * (scripts/bench/cluster-start.cjs); or, with `balancer: "haproxy"`, `instances` separate `next
 * start` on the ports after `port` behind haproxy on `port` (round robin, /api/ready health check),
 * as a deployment runs them. Output goes to `log`.
 */
export function startLegit(options: {
  port: number;
  databaseUrl: string;
  instances: number;
  balancer?: Balancer;
  pool?: number;
  log: NodeJS.WritableStream;
  /** One instance: preload scripts/bench/server-probe.cjs (event-loop delay, GC pauses), written here on SIGUSR2. */
  probeFile?: string;
}): Legit {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(process.cwd(), distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run \`npx next build\` first.`);
  }
  const env = (port: number): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    AUTH_URL: `http://127.0.0.1:${options.port}`,
    LEGIT_RELAY_IN_PROCESS: "0",
    LEGIT_INSTANCES: String(options.instances),
    PORT: String(port),
    // The app's connections are named, so PostgreSQL's log and pg_stat_activity tell them from the bench's own.
    PGAPPNAME: "legit-app",
    ...(options.probeFile ? { BENCH_PROBE_FILE: options.probeFile } : {}),
    ...(options.pool ? { DATABASE_POOL_MAX: String(options.pool) } : {}),
  });
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const run = (args: string[], port: number, command = process.execPath) => {
    const child = spawn(command, args, { env: env(port), stdio: ["ignore", "pipe", "pipe"], detached: false });
    child.stdout?.pipe(options.log, { end: false });
    child.stderr?.pipe(options.log, { end: false });
    return child;
  };
  if (options.balancer === "haproxy" && options.instances > 1) {
    const ports = Array.from({ length: options.instances }, (_, i) => options.port + 1 + i);
    const instances = ports.map((p) => run([nextBin, "start", "-p", String(p)], p));
    return {
      processes: [...instances, run(["-f", haproxyConfig(options.port, ports)], options.port, haproxyBinary())],
      instances: ports.map((p) => `http://127.0.0.1:${p}`),
    };
  }
  const args =
    options.instances > 1
      ? [path.join(process.cwd(), "scripts", "bench", "cluster-start.cjs")]
      : [
          ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
          ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
          ...(options.probeFile ? ["--require", path.join(process.cwd(), "scripts", "bench", "server-probe.cjs")] : []),
          nextBin,
          "start",
          "-p",
          String(options.port),
        ];
  return { processes: [run(args, options.port)], instances: [`http://127.0.0.1:${options.port}`] };
}

function haproxyBinary(): string {
  const found = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" }).stdout.trim();
  if (!found) throw new Error("haproxy is not installed: apt-get install -y haproxy (Debian's package)");
  return found;
}

/** Round robin over the instances, each checked on /api/ready; keep-alive to both sides. */
function haproxyConfig(port: number, backends: number[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "legit-haproxy-")), "haproxy.cfg");
  writeFileSync(
    file,
    [
      "global",
      "  maxconn 4000",
      "defaults",
      "  mode http",
      "  timeout connect 5s",
      "  timeout client 60s",
      "  timeout server 60s",
      "  option http-keep-alive",
      "frontend legit",
      `  bind 127.0.0.1:${port}`,
      "  default_backend instances",
      "backend instances",
      "  balance roundrobin",
      "  option httpchk GET /api/ready",
      ...backends.map((p, i) => `  server legit${i + 1} 127.0.0.1:${p} check inter 2s`),
      "",
    ].join("\n"),
  );
  return file;
}

export async function stopLegit(legit: Legit): Promise<void> {
  await Promise.all(
    [...legit.processes].reverse().map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.on("exit", () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}

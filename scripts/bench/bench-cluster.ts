import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { postgresTarget } from "@/db/postgres-target";
import { cpuMsOfTree } from "./cpu-time";

/**
 * The benchmark's PostgreSQL: DATABASE_URL when given; otherwise a cluster of its own kept in
 * `.data/bench-pg` (created on first use, started when stopped, left running between `bench:data`
 * and `bench`; `npm run bench:cluster -- stop` stops it), listening on 127.0.0.1:BENCH_PG_PORT (3901)
 * and on a Unix socket in `.data/bench-pg/socket`. The bench connects over the socket (both Legit and
 * the raw side); BENCH_PG_TCP=1 connects over loopback TCP instead.
 */
const root = path.join(process.cwd(), ".data", "bench-pg");
const dataDir = path.join(root, "data");
const socketDir = path.join(root, "socket");
export const benchDatabaseName = process.env.BENCH_DB ?? "legit_bench";
const port = Number(process.env.BENCH_PG_PORT ?? 3901);

function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

function run(cmd: string, args: string[]) {
  const [c, a] = asPostgres(cmd, args);
  execFileSync(c, a, { stdio: ["ignore", "pipe", "pipe"] });
}

function running(): boolean {
  const [c, a] = asPostgres("pg_ctl", ["-D", dataDir, "status"]);
  return spawnSync(c, a).status === 0;
}

/** Server settings for a 2-core box with RAM to spare; durability as in production (fsync on). */
const serverOptions = [
  "-c listen_addresses=127.0.0.1",
  `-p ${port}`,
  `-k ${socketDir}`,
  "-c max_connections=400",
  "-c shared_buffers=1GB",
  "-c effective_cache_size=4GB",
  "-c work_mem=16MB",
  "-c maintenance_work_mem=512MB",
  "-c max_wal_size=8GB",
  "-c checkpoint_timeout=30min",
  // What the paced run's tail report reads (scripts/bench/paced-observer.ts): per-statement times,
  // the WAL's write and flush times, and the plans of slow statements, autovacuum runs, lock waits
  // and checkpoints in server.log. Plans only, not EXPLAIN ANALYZE: that would time every statement.
  "-c shared_preload_libraries=pg_stat_statements,auto_explain",
  "-c track_io_timing=on",
  "-c track_wal_io_timing=on",
  "-c auto_explain.log_min_duration=50",
  "-c auto_explain.log_buffers=on",
  "-c log_min_duration_statement=50", // COMMITs too (their WAL flush), which auto_explain leaves out
  "-c log_autovacuum_min_duration=0",
  "-c log_lock_waits=on",
  "-c log_checkpoints=on",
  ...(process.env.BENCH_PG_OPTIONS ? [process.env.BENCH_PG_OPTIONS] : []),
].join(" ");

export function ensureBenchCluster(): string {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(socketDir, { recursive: true });
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
      for (const dir of [root, socketDir]) chownSync(dir, uid, gid);
    }
    run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"]);
  }
  if (!running()) run("pg_ctl", ["-D", dataDir, "-l", path.join(root, "server.log"), "-o", serverOptions, "-w", "start"]);
  const { tcp, socket } = benchClusterUrls();
  return process.env.BENCH_PG_TCP === "1" ? tcp : socket;
}

/** The bench cluster's database over loopback TCP and over its Unix socket. */
export function benchClusterUrls(): { tcp: string; socket: string } {
  return {
    tcp: `postgres://postgres@127.0.0.1:${port}/${benchDatabaseName}`,
    socket: `postgres://postgres@/${benchDatabaseName}?host=${encodeURIComponent(socketDir)}&port=${port}`,
  };
}

export function stopBenchCluster(): void {
  if (existsSync(path.join(dataDir, "PG_VERSION")) && running()) run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
}

/** The process id of the bench's own cluster's postmaster (its backends are its children), when the bench runs on it. */
function benchClusterPid(): number | undefined {
  const file = path.join(dataDir, "postmaster.pid");
  if (process.env.DATABASE_URL || !existsSync(file)) return undefined;
  return Number(readFileSync(file, "utf8").split("\n")[0]) || undefined;
}

/** The bench cluster's CPU so far (ms: every backend, the WAL writer, autovacuum); NaN on another server (DATABASE_URL). */
export function benchClusterCpuMs(): number {
  const pid = benchClusterPid();
  return pid ? cpuMsOfTree(pid) : NaN;
}

/** The database URL the benchmark uses (and whether it is our own cluster). */
export function benchDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? ensureBenchCluster();
}

/** Drops and re-creates the benchmark database (only on our own cluster, or with --fresh). */
export async function recreateDatabase(url: string): Promise<void> {
  const { url: tcpShaped, socketDir: dir } = postgresTarget(url);
  const u = new URL(tcpShaped);
  const name = u.pathname.slice(1);
  u.pathname = "/postgres";
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {}, ...(dir ? { host: dir } : {}) });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
}

if (process.argv[1]?.endsWith("bench-cluster.ts")) {
  if (process.argv.includes("stop")) stopBenchCluster();
  else console.log(ensureBenchCluster());
}

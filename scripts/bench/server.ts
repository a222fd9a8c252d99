import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Starts Legit in production mode (`next start` on the build in .next) against `databaseUrl`, one
 * process, or `instances` processes sharing the port through Node's cluster module
 * (scripts/bench/cluster-start.cjs). Output goes to `logFile`'s stream.
 */
export function startLegit(options: { port: number; databaseUrl: string; instances: number; pool?: number; log: NodeJS.WritableStream }): ChildProcess {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(process.cwd(), distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run \`npx next build\` first.`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    AUTH_URL: `http://127.0.0.1:${options.port}`,
    LEGIT_RELAY_IN_PROCESS: "0",
    LEGIT_INSTANCES: String(options.instances),
    PORT: String(options.port),
    ...(options.pool ? { DATABASE_POOL_MAX: String(options.pool) } : {}),
  };
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const args =
    options.instances > 1
      ? [path.join(process.cwd(), "scripts", "bench", "cluster-start.cjs")]
      : [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []), nextBin, "start", "-p", String(options.port)];
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: false });
  child.stdout?.pipe(options.log);
  child.stderr?.pipe(options.log);
  return child;
}

export function stopLegit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

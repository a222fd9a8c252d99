import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

const root = path.resolve(__dirname, "..");

export type NextServer = { base: string; port: number; process: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<void> };

/**
 * `next start` (production) on `databaseUrl`, as `npm start` runs it behind a load balancer: its
 * own port, no demo seed, photos in a temp folder. Resolves once `readyPath` (/api/ready: the
 * database answers) answers 200; /api/health for a server whose database is down on purpose.
 */
export async function startNextServer(
  databaseUrl: string,
  options: { port?: number; env?: Record<string, string>; readyPath?: "/api/ready" | "/api/health" } = {},
): Promise<NextServer> {
  const port = options.port ?? (await freePort());
  const photoDir = mkdtempSync(path.join(os.tmpdir(), "legit-http-photos-"));
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      LEGIT_SEED: "0",
      AUTH_SECRET: "http-tests-secret-not-for-production-0123456789",
      AUTH_TRUST_HOST: "true",
      PHOTO_DIR: photoDir,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a kill reaches every process next start runs.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr?.on("data", (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${base}${options.readyPath ?? "/api/ready"}`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      process.kill(-child.pid!, "SIGKILL");
      throw new Error(`next start did not become ready in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    port,
    process: child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          child.kill(signal);
        }
      }
      await exited;
      rmSync(photoDir, { recursive: true, force: true });
    },
  };
}

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, chownSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

/** A throwaway PostgreSQL cluster for tests: its own temp dir and port, removed by stop(). */
export type Cluster = { url: (database?: string) => string; stop: () => void };

export function hasPostgresBinaries(): boolean {
  return ["initdb", "pg_ctl"].every((bin) => spawnSync("which", [bin]).status === 0);
}


/** initdb refuses to run as root: run the server tools as the postgres user then. */
function asPostgresUser(cmd: string, args: string[]): [string, string[]] {
  const isRoot = process.getuid?.() === 0;
  return isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "legit-pg-"));
  const dataDir = path.join(dir, "data");
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const run = (cmd: string, args: string[]) => {
    const [c, a] = asPostgresUser(cmd, args);
    execFileSync(c, a, { stdio: ["ignore", "pipe", "pipe"] });
  };
  run("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  run("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-o", options, "-w", "start"]);
  let stopped = false;
  return {
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

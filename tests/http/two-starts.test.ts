import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { count } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { openDb } from "@/db/open-db";
import { apiClients, centers, rollupDeltas, users } from "@/db/schema";
import { demoPeople, demoPin } from "@/db/seed/demo-people";
import { signIn, stationGet } from "@/scripts/bench/http-client";
import { freePort } from "@/scripts/free-port";
import { root } from "../architecture/source-files";
import { hasBuild } from "./next-server";

/**
 * Two whole `npm start` processes (migrate, seed if asked, serve) started at the same moment on one
 * empty PostgreSQL database, as a user starts two instances behind a load balancer: both come up,
 * the migrations apply once, and the demo data is loaded once when asked for (LEGIT_SEED=demo) and
 * not at all otherwise (no demo PINs or tokens in a real database).
 */
const serverUrl = inject("pgServerUrl");
const ready = Boolean(serverUrl) && hasBuild();

type Started = { base: string; output: () => string; alive: () => boolean; stop: () => Promise<void> };

function npmStart(databaseUrl: string, port: number, env: Record<string, string>): Started {
  const { AUTH_SECRET: _ignored, LEGIT_SEED: _unset, ...inherited } = process.env;
  const child = spawn("npm", ["start"], {
    cwd: root,
    env: { ...inherited, DATABASE_URL: databaseUrl, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: the stop reaches npm, tsx and next start
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

async function untilReady(server: Started, deadline: number) {
  for (;;) {
    if (!server.alive()) throw new Error(`npm start exited:\n${server.output().slice(-4000)}`);
    const status = await fetch(`${server.base}/api/ready`).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`npm start not ready in time:\n${server.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Two `npm start` at once on a new empty database; `check` runs while both serve. */
async function twoStarts(env: Record<string, string>, check: (servers: Started[], url: string) => Promise<void>) {
  const name = `legit_starts_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  const servers = [npmStart(url, await freePort(), env), npmStart(url, await freePort(), env)];
  try {
    const deadline = Date.now() + 150_000;
    await Promise.all(servers.map((s) => untilReady(s, deadline)));
    // A stale build is rebuilt by one start while the other waits (two builds into one .next break both).
    expect(servers.filter((s) => s.output().includes("Building the app")).length).toBeLessThanOrEqual(1);
    await check(servers, url);
    for (const s of servers) expect(s.alive(), s.output().slice(-2000)).toBe(true);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function rows(url: string) {
  const handle = await openDb({ url, migrate: false, max: 1 });
  try {
    const n = async (table: typeof centers | typeof users | typeof apiClients) => Number((await handle.db.select({ n: count() }).from(table))[0].n);
    return { centers: await n(centers), users: await n(users), clients: await n(apiClients) };
  } finally {
    await handle.close();
  }
}

/** Writes a pair of rollup deltas that cancel out, then waits until no delta is left unfolded; returns how many are left. */
async function foldedByTheApp(url: string) {
  const handle = await openDb({ url, migrate: false, max: 1 });
  try {
    const [center] = await handle.db.select({ id: centers.id }).from(centers).limit(1);
    const delta = { centerId: center.id, figure: "items_in_state", period: new Date(0), label: "received" };
    await handle.db.insert(rollupDeltas).values([{ ...delta, n: 1 }, { ...delta, n: -1 }]);
    const left = async () => Number((await handle.db.select({ n: count() }).from(rollupDeltas))[0].n);
    const deadline = Date.now() + 40_000;
    while ((await left()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    return await left();
  } finally {
    await handle.close();
  }
}

describe.skipIf(!ready)("two npm start at the same moment on one empty PostgreSQL [postgres, npm start ×2]", () => {
  it("with LEGIT_SEED=demo: both serve, one loads the demo once, a session from one is good on the other", async () => {
    await twoStarts({ LEGIT_SEED: "demo" }, async (servers, url) => {
      const seeded = servers.filter((s) => s.output().includes("Empty database: loaded the demo data."));
      expect(seeded, servers.map((s) => s.output().slice(-1500)).join("\n----\n")).toHaveLength(1);
      const counted = await rows(url);
      expect(counted.centers).toBe(2);
      expect(counted.users).toBe(demoPeople.length);
      // One secret for both: signed in through the first, served by the second.
      const operator = demoPeople.find((p) => p.role === "operator" && p.badge)!;
      const station = await signIn(servers[0].base, "badge", { badge: operator.badge!, pin: demoPin }, "RECV-1");
      const answer = await stationGet(servers[1].base, station, "/api/station/nav/waiting");
      expect(answer.status, answer.body.slice(0, 200)).toBe(200);
      // No relay runs: the instances fold the desk's rollup deltas themselves (lib/rollups/fold-loop.ts).
      expect(await foldedByTheApp(url)).toBe(0);
    });
  }, 240_000);

  it("without LEGIT_SEED: both serve, and the real database stays empty (no demo people or tokens)", async () => {
    await twoStarts({}, async (servers, url) => {
      for (const s of servers) expect(s.output()).not.toContain("loaded the demo data");
      expect(await rows(url)).toEqual({ centers: 0, users: 0, clients: 0 });
    });
  }, 240_000);
});

/**
 * `npm run soak -- --minutes 10 [--rate 4] [--orders 30]`: the production server (`next start`, build
 * first) on a throwaway PostgreSQL cluster (or DATABASE_URL) with the demo data, driven for the
 * given minutes by the marketplace simulator (`npm run simulate`, --orders announced orders a minute)
 * and by station traffic at a steady --rate flows a second (receive a unit, claim and release it,
 * read the queues). Every minute: the invariant checker and the server's memory (RSS of its process
 * group). Exits 1 on any 5xx, any invariant breach, a failed simulator, or memory that grew by more
 * than half from the first minute to the last.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDb } from "@/db/open-db";
import { demoPin } from "@/db/seed/demo-people";
import { seedDemo } from "@/db/seed/seed-demo";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";
import { signIn, stationGet, stationPost, type HttpAnswer } from "./bench/http-client";
import { startNextServer } from "./next-server";
import { hasPostgresBinaries, startCluster, type Cluster } from "./pg-cluster";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const minutes = flag("minutes", 10);
const rate = flag("rate", 4);
const orders = flag("orders", 30);

/** RSS of every process in the server's process group, in MB. */
function serverRssMb(pgid: number): number {
  const out = spawnSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" }).stdout;
  return Math.round(out.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024);
}

async function main() {
  let cluster: Cluster | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    if (!hasPostgresBinaries()) throw new Error("No DATABASE_URL and no PostgreSQL binaries (initdb, pg_ctl) to start a cluster.");
    cluster = await startCluster();
    const admin = postgres(cluster.url(), { max: 1, onnotice: () => {} });
    await admin.unsafe("create database legit_soak");
    await admin.end();
    url = cluster.url("legit_soak");
  }
  const handle = await openDb({ url, max: 4 });
  const db = handle.db;
  const stopAll: (() => Promise<void> | void)[] = [() => handle.close(), () => cluster?.stop()];
  try {
    await seedDemo(db);
    const server = await startNextServer(url);
    stopAll.unshift(() => server.stop());
    const base = server.base;
    console.log(`Soak: ${minutes} min against ${base} (PostgreSQL), ${rate} station flows/s, simulator ${orders} orders/min.`);

    const operator = await signIn(base, "badge", { badge: "EMP-1001", pin: demoPin }, "SOAK-RECV");
    const inspector = await signIn(base, "badge", { badge: "EMP-2001", pin: demoPin }, "SOAK-INSP");
    const [sel] = (await db.execute(sql`select id from centers where code = 'SEL'`)) as unknown as { id: string }[];

    const simulator = spawn("npx", ["tsx", "scripts/simulate.ts", "--url", base, "--minutes", String(minutes), "--rate", String(orders), "--center", "SEL"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let simulatorOutput = "";
    simulator.stdout.on("data", (c: Buffer) => (simulatorOutput += c.toString()));
    simulator.stderr.on("data", (c: Buffer) => (simulatorOutput += c.toString()));
    const simulatorDone = new Promise<number>((resolve) => simulator.on("exit", (code) => resolve(code ?? 1)));

    const tally = { requests: 0, ok: 0, refused: 0, serverErrors: 0, flows: 0 };
    const count = (answer: HttpAnswer) => {
      tally.requests++;
      if (answer.status >= 500) {
        tally.serverErrors++;
        console.error(`  5xx: ${answer.status} ${answer.body.slice(0, 200)}`);
      } else if (answer.status >= 400) tally.refused++;
      else tally.ok++;
      return answer;
    };
    const one = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as T[])[0];

    /** One station flow: what a floor worker would do next. */
    const flows = [
      async () => {
        const unit = await one<{ item_id: string; tracking_number: string }>(sql`
          select i.id as item_id, o.tracking_number from items i join inbound_orders o on o.id = i.order_id
          where i.center_id = ${sel.id} and i.state = 'expected' and o.tracking_number is not null order by random() limit 1`);
        if (!unit) return;
        const scan = count(await stationPost(base, operator, "/api/station/receiving/scan", { scanId: randomUUID(), code: unit.tracking_number }));
        const parcelId = scan.status === 200 ? (JSON.parse(scan.body) as { parcel?: { id?: string } }).parcel?.id : undefined;
        if (parcelId) count(await stationPost(base, operator, "/api/station/receiving/units/receive", { scanId: randomUUID(), parcelId, itemId: unit.item_id }));
      },
      async () => {
        const item = await one<{ id: string; code: string }>(sql`select id, code from items where center_id = ${sel.id} and state = 'received' and code is not null order by random() limit 1`);
        if (!item) return;
        const claim = count(await stationPost(base, inspector, "/api/station/inspection/claim", { scanId: randomUUID(), itemCode: item.code }));
        if (claim.status === 200) count(await stationPost(base, inspector, "/api/station/inspection/release", { scanId: randomUUID(), itemId: item.id }));
      },
      async () => {
        count(await stationGet(base, inspector, "/api/station/inspection/queue"));
        count(await stationGet(base, operator, "/api/station/storage/putaway/queue"));
        count(await stationGet(base, operator, "/api/station/dispatch/pick-lists"));
      },
    ];

    const started = Date.now();
    const end = started + minutes * 60_000;
    const samples: { minute: number; rssMb: number; requests: number; breaches: number }[] = [];
    let nextSample = started + 60_000;
    let breaches = 0;
    const inFlight = new Set<Promise<void>>();
    for (let tick = 0; Date.now() < end; tick++) {
      // Steady arrivals: a new flow every 1/rate s, whether or not the last one is done.
      const flow = flows[tick % flows.length]().catch((error: unknown) => {
        tally.serverErrors++;
        console.error(`  flow failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      tally.flows++;
      inFlight.add(flow);
      void flow.finally(() => inFlight.delete(flow));
      if (Date.now() >= nextSample) {
        nextSample += 60_000;
        const report = await checkInvariants(db);
        breaches += report.breaches.length;
        const sample = { minute: samples.length + 1, rssMb: serverRssMb(server.process.pid!), requests: tally.requests, breaches: report.breaches.length };
        samples.push(sample);
        console.log(`  minute ${sample.minute}: server RSS ${sample.rssMb} MB, ${tally.requests} station requests (${tally.serverErrors} 5xx), invariants ${report.ok ? "ok" : "BREACHED"}`);
        if (!report.ok) console.log(formatInvariantReport(report));
      }
      await new Promise((r) => setTimeout(r, 1000 / rate));
    }
    await Promise.all(inFlight);
    const simulatorCode = await simulatorDone;
    const final = await checkInvariants(db);
    breaches += final.breaches.length;
    samples.push({ minute: Math.round(((Date.now() - started) / 60_000) * 10) / 10, rssMb: serverRssMb(server.process.pid!), requests: tally.requests, breaches: final.breaches.length });

    console.log(`\nSimulator:\n${simulatorOutput.split("\n").filter((l) => !l.startsWith("  ")).join("\n").trim()}`);
    console.log(`\nStations: ${tally.flows} flows, ${tally.requests} requests: ${tally.ok} 2xx, ${tally.refused} 4xx (races with the simulator), ${tally.serverErrors} 5xx.`);
    console.log(`Invariants: ${formatInvariantReport(final)}`);
    console.log(`Server memory (RSS, MB) by minute: ${samples.map((s) => `${s.minute}: ${s.rssMb}`).join(", ")}`);
    const growth = samples.length > 1 ? samples.at(-1)!.rssMb / samples[0].rssMb : 1;
    const ok = tally.serverErrors === 0 && breaches === 0 && simulatorCode === 0 && growth < 1.5;
    console.log(ok ? "\nSoak passed." : `\nSoak FAILED (5xx ${tally.serverErrors}, breaches ${breaches}, simulator exit ${simulatorCode}, memory ×${growth.toFixed(2)}).`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const stop of stopAll) await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * The benchmark (prints figures; not a test). Starts Legit in production mode against the bench
 * database (`npm run bench:data` first) and drives it over HTTP as stations do, at several numbers
 * of concurrent stations; in the same run, interleaved, it executes the same transactions straight
 * against PostgreSQL (postgres.js) and prints Legit/raw per action. Then a paced run (stations
 * scanning every 2 s), the manager's queries at volume with their plans, and the invariant checker.
 *
 *   npm run bench [-- --levels 10,50,200 --duration 5 --rounds 2 --actions lookup,bin,receive,claim,verdict,putaway,pick,pack,handover,announce,transition
 *                    --instances 1 [--balancer cluster|haproxy] --raw-pool 10 --paced 200 --out bench-results
 *                    --no-raw --no-manager | --manager-only] [--count 20 [--count-detail] [--count-as-opened] [--count-rounds 3]]
 *   (--no-raw: Legit alone, no postgres.js side; --no-manager: no manager screens and queries;
 *    --manager-only: the manager's screens and queries alone;
 *    --count N: statements per action instead of rates, each action N times in a row on one station,
 *    counted by pg_stat_statements; --count-detail lists the statements; every pool's connections are
 *    opened first, as under load, unless --count-as-opened; --count-rounds R counts R times a side, the
 *    order turned each round, and prints the round of median backend CPU.)
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { connectPostgres } from "@/db/postgres-target";
import { openDb, type Db, type DbHandle } from "@/db/open-db";
import { applyTransition } from "@/lib/items/apply-transition";
import { claimItem } from "@/lib/inspection/claims";
import { sweepExpiredClaims } from "@/lib/inspection/sweep-expired-claims";
import { benchClusterCpuMs, benchDatabaseUrl } from "./bench-cluster";
import { benchApiToken, benchCenterCode, benchManagerEmail, benchPassword, benchPin, inspectorBadge, operatorBadge } from "./bench-identities";
import { apiCall, signIn, stationGet, stationPost, waitForServer, request, staleConnectionRetries, requestsSent, type HttpAnswer, type Station } from "./http-client";
import { foldRollups } from "@/lib/rollups/fold-rollups";
import { benchWeek, managerQueries } from "./manager-queries";
import { preparePickUnits, preparePutawayBins, prepareUnits, sampleBinCodes, sampleItemCodes, type PickUnit, type PrepareState, type Unit } from "./prepare";
import { rawAnnounce, rawBinLookup, rawClaim, rawHandover, rawLookup, rawPack, rawPick, rawPutaway, rawReceive, rawTransition, rawVerdict, type RawWorker } from "./raw-actions";
import { bySecondLines, observePaced, slowBySecond } from "./paced-observer";
import { postgresTailLines } from "./paced-postgres-stats";
import { startLegit, stopLegit, type Balancer, type Legit } from "./server";
import { cpuMsOfTree, ownCpuMs } from "./cpu-time";
import { settleAutovacuum } from "./settle-autovacuum";
import { countStatements, printCounts, type StatementCount } from "./count-statements";
import { fmt, loadAverage, summarise, table, type PhaseResult, type Summary } from "./stats";

const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const opts = {
  levels: (argValue("levels") ?? "10,50,200").split(",").map(Number),
  duration: Number(argValue("duration") ?? 5),
  rounds: Number(argValue("rounds") ?? 2),
  actions: (argValue("actions") ?? "lookup,bin,receive,claim,verdict,putaway,pick,pack,handover,announce,transition").split(","),
  instances: Number(argValue("instances") ?? 1),
  balancer: (argValue("balancer") ?? "cluster") as Balancer,
  noRaw: process.argv.includes("--no-raw"),
  noManager: process.argv.includes("--no-manager"),
  /** Only the manager's screens and queries: no stations signed in, no actions, no paced run. */
  managerOnly: process.argv.includes("--manager-only"),
  rawPool: Number(argValue("raw-pool") ?? 10),
  paced: Number(argValue("paced") ?? 200),
  pacedSeconds: Number(argValue("paced-seconds") ?? 20),
  // Not 3900: with two instances behind haproxy they take the next two ports, and 3901 is the bench cluster.
  port: Number(argValue("port") ?? 3950),
  out: argValue("out") ?? "bench-results",
  noServer: process.argv.includes("--no-server"),
  /** Count statements per action instead of measuring rates: each action `count` times on one station, both sides. */
  count: Number(argValue("count") ?? 0),
  countDetail: process.argv.includes("--count-detail"),
  /** Count on the pools' connections as the warm-up left them open, instead of opening all of them first. */
  countAsOpened: process.argv.includes("--count-as-opened"),
  /** Count each action this many times per side, the sides' order turned each round; the median round is printed. */
  countRounds: Number(argValue("count-rounds") ?? 1),
};
const base = `http://127.0.0.1:${opts.port}`;
const runTag = Date.now().toString(36);
let scanCounter = 0;
const scanId = () => `bench-${runTag}-${++scanCounter}`;
/** A fresh carrier tracking number, as scanned from a new label. */
const parcelNumber = () => `HJ${runTag.toUpperCase()}${String(++scanCounter).padStart(8, "0")}`;

const uuidOf = (s: string) => {
  const h = createHash("md5").update(s).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

type Side = "legit" | "raw";
/** A station slot: which center and user it is, its HTTP sessions, its raw identity. */
type Slot = { center: number; centerId: string; operator: Station; inspector: Station; op: RawWorker; insp: RawWorker };

type ActionSpec = {
  name: string;
  what: string;
  /** The state its units must be in (null: no units, e.g. lookups and announcements); awaiting_pick: on a claimed pick list. */
  prepare: PrepareState | "awaiting_pick" | null;
  owner?: "operator" | "inspector";
  /** Counted per unit: transition work does several transitions per unit. */
  perUnit?: number;
  /**
   * The least rate (per second, both sides) to prepare units for. Without it, the best rate seen so
   * far, first guessed 1500/s for raw and 400/s for Legit over HTTP; work that runs in this process
   * on both sides needs one guess for both, or Legit's phase runs out of units and ends with fewer
   * stations (a slow first round on a busy machine made the next one run out too).
   */
  leastRate?: number;
  legit: (slot: Slot, unit: Unit | null) => Promise<void>;
  raw: (sql: postgres.Sql, slot: Slot, unit: Unit | null) => Promise<void>;
};

function ok(answer: HttpAnswer): void {
  if (answer.status >= 300) throw new Error(`HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
}

const codesByCenter = new Map<number, string[]>();
const pickCode = (center: number) => {
  const codes = codesByCenter.get(center)!;
  return codes[Math.floor(Math.random() * codes.length)];
};
const binsByCenter = new Map<number, string[]>();
const pickBin = (center: number) => {
  const codes = binsByCenter.get(center)!;
  return codes[Math.floor(Math.random() * codes.length)];
};
let domain: DbHandle;
let probeFile: string | null = null;
const transitionPath: [string, string, string][] = [
  ["claim", "received", "in_inspection"],
  ["release_claim", "in_inspection", "received"],
  ["claim", "received", "in_inspection"],
  ["release_claim", "in_inspection", "received"],
];

const actions: ActionSpec[] = [
  {
    name: "lookup",
    what: "item-label scan at receiving (POST /api/station/receiving/scan)",
    prepare: null,
    legit: async (s) => ok(await stationPost(base, s.operator, "/api/station/receiving/scan", { scanId: scanId(), code: pickCode(s.center) })),
    raw: (sql, s) => rawLookup(sql, s.op, pickCode(s.center)),
  },
  {
    name: "bin",
    what: "bin scan: a bin with its contents (GET /api/station/storage/bins/{code})",
    prepare: null,
    legit: async (s) => ok(await stationGet(base, s.operator, `/api/station/storage/bins/${pickBin(s.center)}`)),
    raw: (sql, s) => rawBinLookup(sql, s.op, pickBin(s.center)),
  },
  {
    name: "receive",
    what: "receive a unit from a scanned parcel (POST /api/station/receiving/units/receive)",
    prepare: "expected",
    owner: "operator",
    legit: async (s, u) => ok(await stationPost(base, s.operator, "/api/station/receiving/units/receive", { scanId: scanId(), parcelId: u!.parcelId, itemId: u!.itemId })),
    raw: (sql, s, u) => rawReceive(sql, s.op, u!, scanId()),
  },
  {
    name: "claim",
    what: "claim an item for inspection by its label (POST /api/station/inspection/claim)",
    prepare: "received",
    owner: "inspector",
    legit: async (s, u) => ok(await stationPost(base, s.inspector, "/api/station/inspection/claim", { scanId: scanId(), itemCode: u!.itemCode })),
    raw: (sql, s, u) => rawClaim(sql, s.insp, u!, scanId()),
  },
  {
    name: "claim-domain",
    what: "claim as the route does it (claimItem: scan id, lock, transition, inspection), in-process, no HTTP and no session",
    prepare: "received",
    owner: "inspector",
    legit: async (s, u) => {
      await claimItem(domain.db, { userId: s.insp.userId, centerId: s.centerId, role: "inspector", station: s.insp.station }, { scanId: scanId(), itemCode: u!.itemCode ?? undefined });
    },
    raw: (sql, s, u) => rawClaim(sql, s.insp, u!, scanId()),
  },
  {
    name: "verdict",
    what: "record a pass verdict (POST /api/station/inspection/verdict)",
    prepare: "in_inspection",
    owner: "inspector",
    legit: async (s, u) => ok(await stationPost(base, s.inspector, "/api/station/inspection/verdict", { scanId: scanId(), inspectionId: u!.inspectionId, verdict: "pass" })),
    raw: (sql, s, u) => rawVerdict(sql, s.insp, u!, scanId()),
  },
  {
    name: "putaway",
    what: "putaway: scan the item (suggested bin), scan the bin (POST …/storage/putaway/lookup, then …/storage/putaway)",
    prepare: "awaiting_putaway",
    owner: "operator",
    legit: async (s, u) => {
      const lookup = await stationPost(base, s.operator, "/api/station/storage/putaway/lookup", { itemCode: u!.itemCode });
      ok(lookup);
      const { suggestion } = JSON.parse(lookup.body) as { suggestion: { code: string } | null };
      if (!suggestion) throw new Error("no bin suggested");
      ok(await stationPost(base, s.operator, "/api/station/storage/putaway", { scanId: scanId(), itemCode: u!.itemCode, binCode: suggestion.code, suggestedBinCode: suggestion.code }));
    },
    raw: (sql, s, u) => rawPutaway(sql, s.op, u!, scanId()),
  },
  {
    name: "pick",
    what: "picking: scan the bin, then the item, on a claimed pick list (POST …/dispatch/pick-lists/scan twice)",
    prepare: "awaiting_pick",
    owner: "operator",
    legit: async (s, u) => {
      const unit = u as PickUnit;
      ok(await stationPost(base, s.operator, "/api/station/dispatch/pick-lists/scan", { scanId: scanId(), pickListId: unit.pickListId, code: unit.binCode }));
      ok(await stationPost(base, s.operator, "/api/station/dispatch/pick-lists/scan", { scanId: scanId(), pickListId: unit.pickListId, code: unit.itemCode }));
    },
    raw: (sql, s, u) => rawPick(sql, s.op, u as PickUnit, [scanId(), scanId()]),
  },
  {
    name: "pack",
    what: "packing: scan the item (where it goes), record the parcel's scanned tracking number (POST …/dispatch/pack/lookup, then …/dispatch/pack/item)",
    prepare: "awaiting_pack",
    owner: "operator",
    legit: async (s, u) => {
      ok(await stationPost(base, s.operator, "/api/station/dispatch/pack/lookup", { code: u!.itemCode }));
      ok(await stationPost(base, s.operator, "/api/station/dispatch/pack/item", { scanId: scanId(), itemId: u!.itemId, carrier: "HANJIN", trackingNumber: parcelNumber() }));
    },
    raw: (sql, s, u) => rawPack(sql, s.op, u!, scanId(), parcelNumber()),
  },
  {
    name: "handover",
    what: "handover to the carrier: a packed parcel scanned onto the station's open manifest (POST …/dispatch/manifests/add)",
    prepare: "packed",
    owner: "operator",
    legit: async (s, u) =>
      ok(await stationPost(base, s.operator, "/api/station/dispatch/manifests/add", { scanId: scanId(), manifestId: u!.manifestId, trackingNumber: u!.trackingNumber })),
    raw: (sql, s, u) => rawHandover(sql, s.op, u!, scanId()),
  },
  {
    name: "announce",
    what: "announce a one-item order (POST /api/v1/inbound-orders, bearer token)",
    prepare: null,
    legit: async (s) =>
      ok(
        await apiCall(base, benchApiToken, "POST", "/api/v1/inbound-orders", {
          externalId: `BENCH-A-${runTag}-${++scanCounter}`,
          type: "trade",
          centerCode: benchCenterCode(s.center),
          seller: { id: "S1", name: "Bench seller" },
          buyer: { id: "B1", name: "Bench buyer", address: "Seoul" },
          items: [{ sku: "DD1391-100", productName: "Nike Dunk Low Retro White Black", category: "sneakers", size: "270", price: 139000 }],
        }),
      ),
    raw: (sql, s) => rawAnnounce(sql, s.op, `BENCH-A-${runTag}-${++scanCounter}`),
  },
  {
    name: "transition",
    what: "domain layer: applyTransition in-process (claim/release ×2 per unit), no HTTP",
    prepare: "received",
    owner: "operator",
    perUnit: transitionPath.length,
    leastRate: 3500,
    legit: async (s, u) => {
      for (const [action] of transitionPath) {
        await domain.db.transaction((tx) =>
          applyTransition(tx, { itemId: u!.itemId, action: action as "claim", actor: { userId: s.op.userId, station: s.op.station }, centerId: s.centerId }),
        );
      }
    },
    raw: async (sql, s, u) => {
      for (const [action, from, to] of transitionPath) await rawTransition(sql, s.op, u!.itemId, action, from, to);
    },
  },
];

/** Units each station needs so it does not run dry within a phase, from the best rate seen so far. */
const rateSeen = new Map<string, number>();
function unitsPerSlot(action: ActionSpec, side: Side, level: number): number {
  const seen = rateSeen.get(`${action.name}:${side}`);
  const rate = action.leastRate ? Math.max(seen ?? 0, action.leastRate) : (seen ?? (side === "raw" ? 1500 : 400));
  return Math.ceil((rate * opts.duration * 1.5) / level / (action.perUnit ?? 1)) + 3;
}

async function prepare(sql: postgres.Sql, action: ActionSpec, side: Side, slots: Slot[], centerIds: string[], units?: number): Promise<(Unit | null)[][]> {
  if (!action.prepare) return slots.map(() => []);
  const per = units ?? unitsPerSlot(action, side, slots.length);
  const queues: Unit[][] = slots.map(() => []);
  for (const [c, centerId] of centerIds.entries()) {
    const mine = slots.map((s, i) => ({ s, i })).filter(({ s }) => s.center === c + 1);
    const owners = mine.flatMap(({ s }) => Array.from({ length: per }, () => (action.owner === "inspector" ? s.insp.userId : s.op.userId)));
    const units =
      action.prepare === "awaiting_pick" ? await preparePickUnits(sql, { centerId, owners }) : await prepareUnits(sql, { centerId, state: action.prepare, owners });
    if (action.prepare === "awaiting_putaway") await preparePutawayBins(sql, { centerId, units: owners.length });
    mine.forEach(({ i }, k) => queues[i].push(...units.slice(k * per, (k + 1) * per)));
  }
  return queues;
}

async function runPhase(slots: Slot[], queues: (Unit | null)[][], work: (slot: Slot, unit: Unit | null) => Promise<void>, perUnit = 1): Promise<PhaseResult> {
  const latencies: number[] = [];
  let done = 0;
  let errors = 0;
  let exhausted = false;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + opts.duration * 1000;
  await Promise.all(
    slots.map(async (slot, i) => {
      const queue = queues[i];
      const infinite = queue.length === 0;
      while (performance.now() < deadline) {
        const unit = infinite ? null : queue.shift();
        if (unit === undefined) {
          exhausted = true;
          break;
        }
        const t = performance.now();
        try {
          await work(slot, unit);
          latencies.push((performance.now() - t) / perUnit);
          done += perUnit;
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return { done, errors, seconds: (performance.now() - started) / 1000, latencies, exhausted, firstError, load: loadAverage() };
}

async function main() {
  const databaseUrl = benchDatabaseUrl();
  const sql = connectPostgres(databaseUrl, { max: opts.rawPool, onnotice: () => {} });
  const setup = connectPostgres(databaseUrl, { max: 2, onnotice: () => {} });
  const centers = await setup`select id, code from centers where code like 'BN%' order by code`;
  if (centers.length === 0) throw new Error("No bench data: run `npm run bench:data` first.");
  const centerIds = centers.map((c) => c.id as string);
  const [{ items }] = await setup`select count(*)::int as items from items`;
  const maxLevel = Math.max(...opts.levels, opts.paced);
  const [{ stations }] = await setup`select count(*)::int / ${centers.length} as stations from users where role = 'operator' and badge_code like 'EMP-9%'`;
  const slotCount = Math.min(maxLevel, stations * centers.length);
  mkdirSync(opts.out, { recursive: true });
  const logFile = path.join(opts.out, `server-${runTag}.log`);
  const log = createWriteStream(logFile);
  const say = (line: string) => console.log(`[load ${fmt(loadAverage(), 2)}] ${line}`);
  say(`database: ${items.toLocaleString("en")} items, ${centers.length} centers; ${os.cpus().length} cores; raw pool ${opts.rawPool}; instances ${opts.instances}${opts.instances > 1 ? ` (${opts.balancer})` : ""}`);

  // Migrate first (a new index on a big table can take a while), then start the app on a ready database.
  domain = await openDb({ url: databaseUrl, max: opts.rawPool });
  // Timed-out claims in the data are released first, as the app's sweep long since would have. Left
  // to it (50 per center every 10 s), thousands of them would keep it busy through the measured phases.
  let swept = 0;
  for (let batch = await sweepExpiredClaims(domain.db); batch.length > 0; batch = await sweepExpiredClaims(domain.db)) swept += batch.length;
  if (swept > 0) say(`released ${swept} timed-out inspection claims left in the data`);
  probeFile = opts.instances === 1 ? path.join(opts.out, `server-probe-${runTag}.json`) : null;
  const server = opts.noServer ? null : startLegit({ port: opts.port, databaseUrl, instances: opts.instances, balancer: opts.balancer, log, probeFile: probeFile ?? undefined });
  const results: Record<string, unknown> = {};
  try {
    for (const instance of server?.instances ?? []) await waitForServer(instance);
    await waitForServer(base);
    if (opts.managerOnly) {
      results.manager = await managerRun(databaseUrl, centerIds, say, server);
      return;
    }
    // Sign in every station once, through the real login (badge + PIN), as the tablets do.
    const slots: Slot[] = [];
    for (let w = 0; w < slotCount; w++) {
      const c = (w % centers.length) + 1;
      const k = Math.floor(w / centers.length) + 1;
      const name = `BENCH-${w}`;
      const [operator, inspector] = await Promise.all([
        signIn(base, "badge", { badge: operatorBadge(c, k), pin: benchPin }, name),
        signIn(base, "badge", { badge: inspectorBadge(c, k), pin: benchPin }, name),
      ]);
      const centerId = centerIds[c - 1];
      const centerCode = benchCenterCode(c);
      slots.push({
        center: c,
        centerId,
        operator,
        inspector,
        op: { userId: uuidOf(`user-${c}-operator-${k}`), centerId, centerCode, station: name },
        insp: { userId: uuidOf(`user-${c}-inspector-${k}`), centerId, centerCode, station: name },
      });
    }
    for (const [i, id] of centerIds.entries()) {
      codesByCenter.set(i + 1, await sampleItemCodes(setup, id, 5000));
      binsByCenter.set(i + 1, await sampleBinCodes(setup, id, 2000));
    }
    say(`${slots.length} stations signed in (operator and inspector sessions)`);

    // Warm-up: every route once per station kind, so compilation and caches are not measured.
    for (const action of actions.filter((a) => opts.actions.includes(a.name))) {
      const few = slots.slice(0, 3);
      const queues = await prepare(setup, action, "legit", few, centerIds);
      await runPhase(few, queues.map((q) => q.slice(0, 5)), action.legit, action.perUnit);
    }

    if (opts.count > 0) {
      results.statements = await countRun(setup, sql, slots[0], centerIds);
      return;
    }

    // The framework's floor, measured in this run: the server's CPU per request for a route handler
    // that answers constant JSON (GET /api/health: no session, no database), at the first level.
    const floorMs = server ? await measureFloor(base, slots.slice(0, opts.levels[0]), server, say) : NaN;
    results.floorMsPerRequest = floorMs;

    const measured: Record<string, Record<number, Record<Side, PhaseResult[]>>> = {};
    for (const level of opts.levels) {
      const levelSlots = slots.slice(0, level);
      for (let round = 0; round < opts.rounds; round++) {
        for (const action of actions.filter((a) => opts.actions.includes(a.name))) {
          const sides: Side[] = opts.noRaw ? ["legit"] : round % 2 === 0 ? ["legit", "raw"] : ["raw", "legit"];
          for (const side of sides) {
            const queues = await prepare(setup, action, side, levelSlots, centerIds);
            const settled = await settleAutovacuum(setup);
            if (settled.length) say(`before the phase: ${settled.join(", ")}`);
            const cpuBefore = { server: serverCpuMs(server), bench: ownCpuMs(), postgres: benchClusterCpuMs() };
            const requestsBefore = requestsSent.count;
            const result = await runPhase(levelSlots, queues, side === "legit" ? action.legit : (slot, unit) => action.raw(sql, slot, unit), action.perUnit);
            result.cpuMs = { server: serverCpuMs(server) - cpuBefore.server, bench: ownCpuMs() - cpuBefore.bench, postgres: benchClusterCpuMs() - cpuBefore.postgres };
            result.requests = requestsSent.count - requestsBefore;
            const key = `${action.name}:${side}`;
            rateSeen.set(key, Math.max(rateSeen.get(key) ?? 0, result.done / result.seconds));
            ((measured[action.name] ??= {})[level] ??= { legit: [], raw: [] })[side].push(result);
            say(
              `${String(level).padStart(3)} stations, round ${round + 1}, ${action.name.padEnd(10)} ${side.padEnd(5)}: ${fmt(result.done / result.seconds)}/s` +
                `${result.errors ? `, ${result.errors} errors (${result.firstError?.slice(0, 160)})` : ""}${result.exhausted ? " (ran out of prepared units)" : ""}`,
            );
          }
        }
      }
    }
    const rows: (string | number)[][] = [];
    const summary: Record<string, Record<number, { legit: Summary; raw: Summary; ratio: number }>> = {};
    for (const action of actions.filter((a) => opts.actions.includes(a.name))) {
      for (const level of opts.levels) {
        const m = measured[action.name]?.[level];
        if (!m) continue;
        const legit = summarise(m.legit);
        const raw = summarise(m.raw);
        const ratio = legit.rps / raw.rps;
        (summary[action.name] ??= {})[level] = { legit, raw, ratio };
        rows.push([
          action.name, level,
          fmt(legit.rps), fmt(legit.p50, 1), fmt(legit.p95, 1), fmt(legit.p99, 1), legit.errors,
          fmt(raw.rps), fmt(raw.p50, 1), fmt(raw.p99, 1), raw.errors,
          fmt(ratio, 2),
        ]);
      }
    }
    results.throughput = summary;
    console.log("\nLegit over HTTP vs the same transactions straight through postgres.js (medians of rounds; latency in ms)\n");
    console.log(table(["action", "stations", "Legit/s", "p50", "p95", "p99", "err", "raw/s", "p50", "p99", "err", "Legit/raw"], rows));
    console.log("\nCPU per request or transaction (ms, medians of rounds): Legit's server processes, and this process (the HTTP client for Legit, the\npostgres.js client for raw; both sides run in this process for `transition`), and PostgreSQL. Less distorted by a busy machine than the rates.\n");
    console.log(table(["action", "stations", "Legit server", "Legit client", "PostgreSQL", "raw client", "PostgreSQL", "Legit app/raw", "with PostgreSQL", "req/unit", "all: raw/Legit", "less floor"], cpuRows(measured, floorMs)));
    console.log("\n  PostgreSQL: the bench cluster's processes during Legit's phase, then during raw's; \"with PostgreSQL\": (Legit app + its PostgreSQL) / (raw + its PostgreSQL).");
    console.log(`  "all: raw/Legit": the rate ratio the CPU predicts on a CPU-bound machine, (raw client + its PostgreSQL) / (Legit server + HTTP client + its PostgreSQL).`);
    console.log(`  "less floor": the same with the framework's measured floor (${fmt(floorMs, 3)} ms of server CPU per request for a route handler that answers constant JSON) taken off each request.`);
    console.log("");
    for (const a of actions.filter((x) => opts.actions.includes(x.name))) console.log(`  ${a.name}: ${a.what}`);

    if (opts.paced > 0) results.paced = await pacedRun(slots.slice(0, opts.paced), setup, centerIds, say, server);
    if (!opts.noManager) results.manager = await managerRun(databaseUrl, centerIds, say, server);
  } finally {
    await domain?.close();
    if (server) await stopLegit(server);
    results.invariants = runInvariantChecker(databaseUrl, say);
    results.staleConnectionRetries = staleConnectionRetries.count;
    console.log(`\nRequests sent again on a new connection (the server had closed the idle one, as a browser retries): ${staleConnectionRetries.count}`);
    await sql.end();
    await setup.end();
    const file = path.join(opts.out, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(
      file,
      JSON.stringify({ at: new Date().toISOString(), options: opts, machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverageEnd: os.loadavg() }, ...results }, null, 2),
    );
    console.log(`\nJSON: ${file}; server log: ${logFile}`);
  }
}

/** Statements per action (--count): each chosen action `opts.count` times in a row on one station, Legit then raw. */
async function countRun(setup: postgres.Sql, sql: postgres.Sql, slot: Slot, centerIds: string[]) {
  const counts: { action: string; legit: StatementCount; raw?: StatementCount }[] = [];
  if (!opts.countAsOpened) await openEveryConnection(sql, slot);
  for (const action of actions.filter((a) => opts.actions.includes(a.name))) {
    const per = action.perUnit ?? 1;
    const count = async (side: Side) => {
      const [queue] = action.prepare ? await prepare(setup, action, side, [slot], centerIds, opts.count) : [[]];
      if (action.prepare && queue.length < opts.count) throw new Error(`${action.name}: only ${queue.length} units prepared`);
      const work = side === "legit" ? action.legit : (s: Slot, u: Unit | null) => action.raw(sql, s, u);
      const counted = await countStatements(setup, opts.count * per, async () => {
        for (let i = 0; i < opts.count; i++) await work(slot, action.prepare ? queue[i] : null);
      }, benchClusterCpuMs);
      return counted;
    };
    // Rounds with the sides' order turned each time; the round of each side's median backend CPU is kept.
    const rounds: Record<Side, StatementCount[]> = { legit: [], raw: [] };
    for (let round = 0; round < opts.countRounds; round++) {
      const sides: Side[] = opts.noRaw ? ["legit"] : round % 2 === 0 ? ["legit", "raw"] : ["raw", "legit"];
      for (const side of sides) rounds[side].push(await count(side));
    }
    const median = (xs: StatementCount[]) => [...xs].sort((a, b) => a.backendsCpuMs - b.backendsCpuMs)[Math.floor((xs.length - 1) / 2)];
    counts.push({ action: action.name, legit: median(rounds.legit), raw: opts.noRaw ? undefined : median(rounds.raw) });
    if (opts.countRounds > 1) {
      const each = (side: Side) => rounds[side].map((c) => c.backendsCpuMs.toFixed(2)).join(" ");
      console.log(`${action.name}: client backends' CPU per action, each round: Legit ${each("legit")}; raw ${opts.noRaw ? "–" : each("raw")}`);
    }
  }
  printCounts(counts, opts.countDetail);
  return counts.map((c) => ({ action: c.action, legit: c.legit.perAction, raw: c.raw?.perAction }));
}

/**
 * Opens every connection of each side's pool before counting, as a station floor's load leaves them
 * open: postgres.js hands its idle connections out in turn (the first idle one, put back last), so
 * one action after another then runs on each of the pool's ten backends in turn, on both sides. Left
 * as they were, the raw pool had one connection (every transaction on one backend) while the
 * server's had several from the warm-up, and PostgreSQL's CPU per action differed by that alone
 * (`scripts/bench/pg-ablation.ts`: 1.3–1.6× on the same statements). `--count-as-opened` skips this.
 */
async function openEveryConnection(sql: postgres.Sql, slot: Slot): Promise<void> {
  const many = (k: number, work: () => Promise<unknown>) => Promise.all(Array.from({ length: k }, work));
  await many(opts.rawPool, () => sql`select pg_sleep(0.05)`);
  await many(opts.rawPool, () => domain.db.execute("select pg_sleep(0.05)"));
  // The server's pool (10): concurrent bin scans, each a user read and the bin's read.
  await many(3 * opts.rawPool, async () => ok(await stationGet(base, slot.operator, `/api/station/storage/bins/${pickBin(slot.center)}`)));
}

const serverCpuMs = (server: Legit | null) => (server?.processes ?? []).reduce((ms, p) => ms + cpuMsOfTree(p.pid), 0);

/** Server CPU ms per request of GET /api/health (constant JSON, no session, no database) from `slots.length` clients for the run's duration. */
async function measureFloor(base: string, slots: Slot[], server: Legit, say: (l: string) => void): Promise<number> {
  // Warm the route first (its compilation and JIT are not the floor).
  await Promise.all(slots.map(async () => {
    for (let i = 0; i < 50; i++) await request(base, "GET", "/api/health");
  }));
  const before = serverCpuMs(server);
  const result = await runPhase(slots, slots.map(() => []), async () => {
    const answer = await request(base, "GET", "/api/health");
    if (answer.status !== 200) throw new Error(`health: HTTP ${answer.status}`);
  }, 1);
  const ms = (serverCpuMs(server) - before) / Math.max(1, result.done);
  say(`floor: GET /api/health ${fmt(result.done / result.seconds)}/s, ${fmt(ms, 3)} ms of server CPU per request`);
  return ms;
}

/** Per action and level: CPU ms per unit of work, medians of rounds; the app's own is the server's for HTTP, this process's for `transition`. */
function cpuRows(measured: Record<string, Record<number, Record<Side, PhaseResult[]>>>, floorMs: number): (string | number)[][] {
  const per = (phases: PhaseResult[], which: "server" | "bench" | "postgres") => {
    const values = phases.filter((p) => p.cpuMs && p.done > 0).map((p) => p.cpuMs![which] / p.done).sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)] : NaN;
  };
  const rows: (string | number)[][] = [];
  for (const [name, levels] of Object.entries(measured)) {
    for (const [level, m] of Object.entries(levels)) {
      const server = per(m.legit, "server");
      const client = per(m.legit, "bench");
      const raw = per(m.raw, "bench");
      const app = name === "transition" ? client : server;
      const pgLegit = per(m.legit, "postgres");
      const pgRaw = per(m.raw, "postgres");
      const requests = m.legit.reduce((n, p) => n + (p.requests ?? 0), 0) / Math.max(1, m.legit.reduce((n, p) => n + p.done, 0));
      const row = [name, level, fmt(server, 2), fmt(client, 2), fmt(pgLegit, 2), fmt(raw, 2), fmt(pgRaw, 2), fmt(app / raw, 2), fmt((app + pgLegit) / (raw + pgRaw), 2)];
      if (name === "transition") rows.push([...row, "-", "-", "-"]);
      else {
        const legitAll = server + client + pgLegit;
        rows.push([...row, fmt(requests, 2), fmt((raw + pgRaw) / legitAll, 2), fmt((raw + pgRaw) / (legitAll - floorMs * requests), 2)]);
      }
    }
  }
  return rows;
}

/** `n` stations each scanning every 2 s (half label lookups, half claims) for a while: latency under a steady load. */
async function pacedRun(slots: Slot[], setup: postgres.Sql, centerIds: string[], say: (l: string) => void, server: Legit | null) {
  const scansEach = Math.ceil(opts.pacedSeconds / 2);
  const claim = actions.find((a) => a.name === "claim")!;
  const queues = await prepare(setup, { ...claim, name: "paced" }, "legit", slots, centerIds);
  // The preparation just wrote tens of MB of WAL; without this the phase's first COMMITs wait
  // behind its flush (the slow claims of the first second, helper tail's notes).
  await setup`checkpoint`;
  // A station on the floor is already connected; the bench's connections sat idle through the
  // preparation, past the server's keep-alive, so each station first opens its own again with one
  // unmeasured label scan (otherwise the first 2 s hold 200 new connections, which a floor at work
  // does not see). Scans every 2 s then keep it open.
  await Promise.all(slots.map((slot) => actions[0].legit(slot, null).catch(() => undefined)));
  const bin = actions.find((a) => a.name === "bin")!;
  const lat: Record<string, number[]> = { lookup: [], bin: [], claim: [] };
  const errors: Record<string, number> = { lookup: 0, bin: 0, claim: 0 };
  const timed: { at: number; ms: number; kind: string }[] = [];
  const observed = await observePaced({ setup, server: server?.processes.length === 1 ? server.processes[0] : null, probeFile });
  const started = performance.now();
  await Promise.all(
    slots.map(async (slot, i) => {
      // Half the stations claim; of the others, half scan item labels and half scan bins.
      const kind = i % 2 === 1 ? "claim" : i % 4 === 0 ? "lookup" : "bin";
      await new Promise((r) => setTimeout(r, Math.random() * 2000));
      for (let n = 0; n < scansEach; n++) {
        const due = performance.now() + 2000;
        const t = performance.now();
        try {
          if (kind === "lookup") await actions[0].legit(slot, null);
          else if (kind === "bin") await bin.legit(slot, null);
          else await claim.legit(slot, queues[i].shift()!);
          lat[kind].push(performance.now() - t);
          timed.push({ at: t - started, ms: performance.now() - t, kind });
        } catch {
          errors[kind]++;
        }
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const during = await observed();
  const slowSeconds = slowBySecond(timed, 50);
  const out: Record<string, unknown> = { stations: slots.length, everySeconds: 2, seconds, load: loadAverage(), during, over50msBySecond: slowSeconds };
  const rows = Object.entries(lat).map(([kind, l]) => {
    const s = summarise([{ done: l.length, errors: errors[kind], seconds, latencies: l, exhausted: false, load: 0 }]);
    out[kind] = s;
    return [kind, l.length, fmt(s.rps, 1), fmt(s.p50, 1), fmt(s.p95, 1), fmt(s.p99, 1), errors[kind]];
  });
  console.log(`\nPaced: ${slots.length} stations each scanning every 2 s for ${fmt(seconds)} s (load ${fmt(loadAverage(), 2)})\n`);
  console.log(table(["scan", "requests", "req/s", "p50", "p95", "p99", "errors"], rows));
  const server_ = during.server as { eventLoopDelayMs: Record<string, number>; gc: { count: number; totalMs: number; maxMs: number; over20ms: number } } | null;
  const eld = (d: Record<string, number>) => `p50 ${fmt(d.p50, 1)} / p99 ${fmt(d.p99, 1)} / max ${fmt(d.max, 1)} ms`;
  console.log(`\n  during the paced run: bench client event-loop delay ${eld(during.client.eventLoopDelayMs)}; CPU priority (BENCH_PRIORITY): ${during.priority}`);
  if (server_) {
    console.log(`  server event-loop delay ${eld(server_.eventLoopDelayMs)}; GC ${server_.gc.count} pauses, ${fmt(server_.gc.totalMs)} ms in all, longest ${fmt(server_.gc.maxMs, 1)} ms, ${server_.gc.over20ms} over 20 ms`);
  }
  const pg = during.postgres;
  console.log(`  app connections busy (of 10): mean ${fmt(pg.meanActive, 1)}, all 10 busy in ${fmt(pg.poolFullShare * 100)}% of ${pg.samples} samples; lock waits in ${fmt(pg.lockWaitShare * 100)}%; checkpoints ${pg.checkpoints}`);
  for (const line of postgresTailLines(pg, fmt)) console.log(line);
  // By kind too: a pause of the whole server (GC, CPU) slows lookups and claims alike; only claims write and wait for their COMMIT's flush.
  const slowByKind = Object.fromEntries(Object.keys(lat).map((k) => [k, slowBySecond(timed.filter((t) => t.kind === k), 50)]));
  out.over50msBySecondByKind = slowByKind;
  for (const line of bySecondLines(slowSeconds, slowByKind, during.bySecond)) console.log(line);
  say("paced run done");
  return out;
}

/** The manager's screens over HTTP, and their queries timed directly with the plan checked for sequential scans. */
async function managerRun(databaseUrl: string, centerIds: string[], say: (l: string) => void, server: Legit | null) {
  const manager = await signIn(base, "password", { email: benchManagerEmail(1), password: benchPassword }, "DESK");
  const [sample] = await (async () => {
    const sql = connectPostgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      return await sql`select i.code as "itemCode", o.seller->>'id' as "sellerId" from items i join inbound_orders o on o.id = i.order_id
                       where i.center_id = ${centerIds[0]} and i.code is not null and o.external_id like 'BENCH-O%' limit 1 offset 1000`;
    } finally {
      await sql.end();
    }
  })();
  // The relay folds the rollups' deltas every ten seconds; the benchmark runs no relay, so it folds here.
  const folding = connectPostgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    say(`rollups: ${await foldRollups(drizzle(folding) as unknown as Db)} deltas folded`);
  } finally {
    await folding.end();
  }
  const week = benchWeek();
  const pages = ["/desk", `/desk?from=${week.from}&to=${week.to}`, "/desk/exceptions", `/search?q=${encodeURIComponent("Dunk Low")}`, `/search?q=${sample.sellerId}`, `/items/${sample.itemCode}`];
  const pageRows: (string | number)[][] = [];
  const pageResults: Record<string, unknown> = {};
  for (const page of pages) {
    const times: number[] = [];
    let status = 0;
    await request(base, "GET", page, { headers: { cookie: manager.cookie } });
    // CPU per request of the timed requests (less distorted by a busy machine than their times).
    const cpuBefore = { server: serverCpuMs(server), postgres: benchClusterCpuMs() };
    for (let i = 0; i < 5; i++) {
      const answer = await request(base, "GET", page, { headers: { cookie: manager.cookie } });
      status = answer.status;
      times.push(answer.ms);
    }
    const cpu = { server: (serverCpuMs(server) - cpuBefore.server) / times.length, postgres: (benchClusterCpuMs() - cpuBefore.postgres) / times.length };
    const s = summarise([{ done: times.length, errors: 0, seconds: 1, latencies: times, exhausted: false, load: 0 }]);
    pageResults[page] = { status, p50: s.p50, max: Math.max(...times), cpuMs: cpu };
    pageRows.push([`GET ${page}`, status, fmt(s.p50, 1), fmt(Math.max(...times), 1), fmt(cpu.server, 1), fmt(cpu.postgres, 1)]);
  }
  const queries = await managerQueries(databaseUrl, centerIds[0], sample as { itemCode: string; sellerId: string });
  console.log(`\nManager screens and queries at volume (center ${benchCenterCode(1)})\n`);
  console.log(table(["page", "status", "p50 ms", "max ms", "server CPU ms/req", "PostgreSQL CPU ms/req"], pageRows));
  console.log(`  (load average ${fmt(loadAverage(), 2)}; PostgreSQL CPU only on the bench's own cluster)`);
  console.log("");
  console.log(
    table(
      ["query", "p50 ms", "max ms", "seq scans on big tables"],
      queries.map((q) => [q.name, fmt(q.p50, 1), fmt(q.max, 1), q.seqScans.length ? q.seqScans.join(", ") : "none"]),
    ),
  );
  say("manager queries done");
  return { pages: pageResults, queries };
}

function runInvariantChecker(databaseUrl: string, say: (l: string) => void) {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
  if (!pkg.scripts["check:invariants"]) {
    say("invariant checker: not on this branch yet (npm run check:invariants); skipped");
    return { ran: false };
  }
  const result = spawnSync("npm", ["run", "--silent", "check:invariants"], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  const output = `${result.stdout}${result.stderr}`.trim();
  console.log(`\nInvariant checker (exit ${result.status}):\n${output.split("\n").slice(-15).join("\n")}`);
  return { ran: true, exit: result.status, output: output.slice(-4000) };
}

if (!existsSync("package.json")) throw new Error("run from the repository root");
main().catch((error) => {
  console.error(error);
  process.exit(1);
});

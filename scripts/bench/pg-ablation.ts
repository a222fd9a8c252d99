/**
 * Why PostgreSQL spends more CPU on Legit's claim than on raw's (issue #15): an ablation (prints
 * figures; not a test). The raw claim (scripts/bench/raw-actions.ts) is run with one of Legit's
 * statement forms at a time, and Legit's own claim (claimItem, in-process, no HTTP) beside them, one
 * station, one claim after another, on the bench database (`npm run bench:data` first; nothing else
 * may use it meanwhile). Per claim it prints the CPU time the client backends used, read in
 * nanoseconds from /proc/<pid>/schedstat (a 10 ms clock tick is too coarse for one claim), over
 * `--n` claims, for `--rounds` rounds with the variants' order turned every round.
 *
 *   BENCH_PG_PORT=3921 npm run bench:ablation -- [--n 300 --rounds 3 --variants raw,wide,... --functions]
 *   (--interval 10: a pause of 10 ms between claims, as a floor's rate spreads them;
 *    --functions: each function's calls per claim, with `alter database legit_bench set track_functions = 'all'`)
 *
 * Variants (each is the raw claim plus one form, unless it says otherwise):
 *   raw        the raw claim as the bench runs it, every statement on one connection
 *   wide       whole rows: the lock reads every item column, the transition and the inspection
 *              insert return every column (as Legit's lockItemRow, applyTransition, openInspection)
 *   widelock   only the lock reads every item column (the writes return as raw's)
 *   conflict   the scan id claimed with `on conflict do nothing returning scan_id` (as withScanId)
 *   rotate     each claim on the next of 10 connections (as a pool hands them out in turn)
 *   userread   the session's user read (users ⋈ centers, whole rows) first, on another connection
 *   answer     Legit's stored answer instead of raw's (the same data with `repeated`), a wider jsonb
 *   all        wide + conflict + rotate + userread
 *   legit      claimItem (Legit's own statements, Drizzle), pool of 10 connections, all opened
 *   legit1     claimItem on a pool that has one connection open (sticks to it)
 */
import { readFileSync } from "node:fs";
import type postgres from "postgres";
import { connectPostgres } from "@/db/postgres-target";
import { openDb, type DbHandle } from "@/db/open-db";
import { claimItem } from "@/lib/inspection/claims";
import { benchClusterCpuMs, benchDatabaseUrl } from "./bench-cluster";
import { prepareUnits, type Unit } from "./prepare";
import { inTransaction } from "./raw-actions";
import { table } from "./stats";

const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const n = Number(argValue("n") ?? 300);
const rounds = Number(argValue("rounds") ?? 3);
/** Print each function's calls per claim (pg_stat_user_functions; needs track_functions on the database). */
const functions = process.argv.includes("--functions");
/** Pause between claims (ms), as a floor's rate spreads them; 0: one after another. */
const interval = Number(argValue("interval") ?? 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const variantNames = (argValue("variants") ?? "raw,wide,conflict,rotate,userread,answer,all,legit,legit1").split(",");

type Forms = {
  wide?: boolean;
  /** Only the lock reads every item column; the writes return what raw's return. */
  wideLock?: boolean;
  conflict?: boolean;
  rotate?: boolean;
  /** Rotate over this many of the ten connections (default all ten). */
  over?: number;
  userRead?: boolean;
  answer?: boolean;
  /** ms of this process's own work (touching a large array: the caches) before each claim, as a server's request handling. */
  polluteMs?: number;
  /** ms of the same before each statement, as a client's row handling between them. */
  polluteStatementMs?: number;
};
type Worker = { userId: string; centerId: string; station: string };
type Clients = { pool: postgres.Sql[]; next: number };

/** The raw claim of raw-actions.ts, with the chosen forms of Legit's statements. */
async function rawClaimWithForms(c: Clients, w: Worker, unit: Unit, scanId: string, forms: Forms): Promise<void> {
  const k = forms.rotate ? c.next++ % (forms.over ?? c.pool.length) : 0;
  const sql = c.pool[k];
  if (forms.polluteMs) pollute(forms.polluteMs);
  const between = () => forms.polluteStatementMs && pollute(forms.polluteStatementMs);
  if (forms.userRead) {
    const other = c.pool[(k + 1) % c.pool.length];
    const [user] = await other`select u.*, c.* from users u join centers c on c.id = u.center_id where u.id = ${w.userId}`;
    if (!user) throw new Error("no user");
  }
  await inTransaction(sql, async (tx, lastly) => {
    if (forms.conflict) {
      const claimed = await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'inspection.claim') on conflict do nothing returning scan_id`;
      if (claimed.length === 0) throw new Error("repeat");
    } else {
      await tx`insert into scan_requests (scan_id, user_id, kind) values (${scanId}, ${w.userId}, 'inspection.claim')`;
    }
    between();
    const [item] = forms.wide || forms.wideLock
      ? await tx`
          select i.*, o.external_id, now() as now from items i join inbound_orders o on o.id = i.order_id
          where i.code = ${unit.itemCode} and i.center_id = ${w.centerId} for update of i`
      : await tx`
          select i.id, i.state, i.category, i.code, i.return_to_seller, i.version, o.external_id, now() as now
          from items i join inbound_orders o on o.id = i.order_id
          where i.code = ${unit.itemCode} and i.center_id = ${w.centerId} for update of i`;
    if (!item || item.state !== "received" || item.return_to_seller) throw new Error("not claimable");
    const payload = { itemId: item.id, itemCode: item.code, orderExternalId: item.external_id, action: "claim", from: "received", to: "in_inspection", at: item.now.toISOString(), actorKind: "staff" };
    const returning = forms.wide ? tx`returning *` : tx``;
    between();
    await tx`
      with audit as (
        insert into item_events (item_id, center_id, action, from_state, to_state, actor_user_id, station, details)
        values (${item.id}, ${w.centerId}, 'claim', 'received', 'in_inspection', ${w.userId}, ${w.station}, ${tx.json({})})
      ), outbox as (
        insert into outbox_events (center_id, item_id, type, payload) values (${w.centerId}, ${item.id}, 'item.claim', ${tx.json(payload)})
      )
      update items set state = 'in_inspection', version = version + 1, updated_at = now() where id = ${item.id} and version = ${item.version}
      ${returning}`;
    between();
    const [inspection] = await tx`
      insert into inspections (item_id, center_id, inspector_id, checklist_id, status)
      values (${item.id}, ${w.centerId}, ${w.userId},
              (select id from checklists where center_id = ${w.centerId} and category = ${item.category} and active order by version desc limit 1), 'open')
      ${forms.wide ? tx`returning *` : tx`returning id, claimed_at`}`;
    const answer = forms.answer
      ? { inspectionId: inspection.id, itemId: item.id, itemCode: item.code, claimedAt: new Date(inspection.claimed_at).toISOString(), reopened: false, tookOverFrom: null, repeated: false }
      : { inspectionId: inspection.id, itemId: item.id, itemCode: item.code, claimedAt: inspection.claimed_at, reopened: false, tookOverFrom: null };
    lastly(tx`update scan_requests set response = ${tx.json({ ok: answer } as postgres.JSONValue)} where scan_id = ${scanId}`);
  });
}

const junk = new Float64Array(2 ** 20); // 8 MB: more than a core's L2 (1 MB here), a quarter of the L3
let junkAt = 0;
/** Busy for `ms`, reading and writing all over `junk` (what a request's handling does to the caches, roughly). */
function pollute(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    for (let i = 0; i < 4096; i++) {
      junkAt = (junkAt + 4099 * 8) % junk.length; // a cache line apart, wrapping
      junk[junkAt] += 1;
    }
  }
}

/** CPU time so far (ns) of every client backend of this database but the caller's own, by pid. */
type BackendTimes = { ns: number; minorFaults: number; userTicks: number; systemTicks: number };
async function backendsNs(setup: postgres.Sql): Promise<Map<number, BackendTimes>> {
  const rows = await setup`select pid from pg_stat_activity where backend_type = 'client backend' and datname = current_database() and pid <> pg_backend_pid()`;
  const out = new Map<number, BackendTimes>();
  for (const r of rows) {
    try {
      const stat = readFileSync(`/proc/${r.pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After the name: minflt is field 10 of stat (index 7 here), utime 14 and stime 15 (11, 12).
      out.set(r.pid as number, {
        ns: Number(readFileSync(`/proc/${r.pid}/schedstat`, "utf8").split(" ")[0]),
        minorFaults: Number(f[7]),
        userTicks: Number(f[11]),
        systemTicks: Number(f[12]),
      });
    } catch {
      // gone
    }
  }
  return out;
}

type Variant = { name: string; run: (w: Worker, unit: Unit, scanId: string) => Promise<void> };

async function main() {
  const url = benchDatabaseUrl();
  const setup = connectPostgres(url, { max: 1, onnotice: () => {} });
  await setup`create extension if not exists pg_stat_statements`;
  const [center] = await setup`select id from centers where code = 'BN1'`;
  const [inspector] = await setup`select id from users where center_id = ${center.id} and role = 'inspector' and badge_code like 'EMP-9%' order by badge_code limit 1`;
  const w: Worker = { userId: inspector.id as string, centerId: center.id as string, station: "ABLATION-1" };
  // Ten single-connection clients: which backend runs a statement is ours to choose.
  const pool = Array.from({ length: 10 }, () => connectPostgres(url, { max: 1, onnotice: () => {} }));
  for (const p of pool) await p`select 1`;
  const clients: Clients = { pool, next: 0 };
  const legit10: DbHandle = await openDb({ url, max: 10, migrate: false });
  const legit1: DbHandle = await openDb({ url, max: 2, migrate: false });
  // Open all ten of the Legit pool's connections (a busy app has them open; sequential use then
  // takes them in turn); the two-connection pool's second stays closed while nothing runs in parallel.
  await Promise.all(Array.from({ length: 10 }, () => legit10.db.execute("select pg_sleep(0.05)")));
  await legit1.db.execute("select 1");
  const rawForms: Record<string, Forms> = {
    raw: {},
    wide: { wide: true },
    widelock: { wideLock: true },
    conflict: { conflict: true },
    rotate: { rotate: true },
    userread: { userRead: true },
    answer: { answer: true },
    rotate2: { rotate: true, over: 2 },
    pollute: { polluteMs: 1.5 },
    pollute03: { polluteStatementMs: 0.3 },
    all: { wide: true, conflict: true, rotate: true, userRead: true, answer: true },
  };
  const claimBy = (h: DbHandle) => async (wk: Worker, unit: Unit, scanId: string) => {
    await claimItem(h.db, { userId: wk.userId, centerId: wk.centerId, role: "inspector", station: wk.station }, { scanId, itemCode: unit.itemCode ?? undefined });
  };
  const all: Variant[] = [
    ...Object.entries(rawForms).map(([name, forms]) => ({ name, run: (wk: Worker, u: Unit, s: string) => rawClaimWithForms(clients, wk, u, s, forms) })),
    { name: "legit", run: claimBy(legit10) },
    { name: "legit1", run: claimBy(legit1) },
  ];
  const variants = variantNames.map((name) => {
    const v = all.find((a) => a.name === name);
    if (!v) throw new Error(`unknown variant ${name}`);
    return v;
  });
  const tag = Date.now().toString(36);
  let counter = 0;
  const results = new Map<string, { ns: number[]; backends: number[]; clusterMs: number[]; execMs: number[]; faults: number[]; systemShare: number[] }>();
  // Warm every variant (plans, caches, JIT of this process) before measuring.
  for (const v of variants) {
    const units = await prepareUnits(setup, { centerId: w.centerId, state: "received", owners: Array(20).fill(w.userId) });
    for (const u of units) await v.run(w, u, `abl-${tag}-${++counter}`);
  }
  for (let r = 0; r < rounds; r++) {
    const order = variants.map((_, i) => variants[(i + r) % variants.length]);
    for (const v of order) {
      const units = await prepareUnits(setup, { centerId: w.centerId, state: "received", owners: Array(n).fill(w.userId) });
      await setup`analyze items`;
      await setup`select pg_stat_statements_reset()`;
      if (functions) {
        await sleep(1500); // backends flush their function counts when idle, at most once a second
        await setup`select pg_stat_reset()`;
      }
      const before = await backendsNs(setup);
      const clusterBefore = benchClusterCpuMs();
      for (const u of units) {
        await v.run(w, u, `abl-${tag}-${++counter}`);
        if (interval > 0) await sleep(interval);
      }
      const clusterMs = (benchClusterCpuMs() - clusterBefore) / n;
      const after = await backendsNs(setup);
      const [{ exec }] = await setup`
        select coalesce(sum(total_exec_time), 0)::float8 as exec from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat%' and query not like 'analyze%'`;
      let ns = 0;
      let used = 0;
      let faults = 0;
      let user = 0;
      let system = 0;
      for (const [pid, t] of after) {
        const b = before.get(pid) ?? t;
        const d = t.ns - b.ns;
        ns += d;
        faults += t.minorFaults - b.minorFaults;
        user += t.userTicks - b.userTicks;
        system += t.systemTicks - b.systemTicks;
        if (d > 0.2 * n * 1000) used++; // more than 0.2 µs a claim: it ran statements
      }
      if (functions) {
        await sleep(1500);
        const calls = await setup`select funcname, calls::int, self_time::float8 from pg_stat_user_functions order by funcname`;
        console.log(`  ${v.name}: ${calls.map((f) => `${f.funcname} ${((f.calls as number) / n).toFixed(2)} calls, ${((f.self_time as number) / n).toFixed(3)} ms`).join("; ")} (per claim)`);
      }
      const entry = results.get(v.name) ?? { ns: [], backends: [], clusterMs: [], execMs: [], faults: [], systemShare: [] };
      entry.ns.push(ns / n / 1e6);
      entry.backends.push(used);
      entry.clusterMs.push(clusterMs);
      entry.execMs.push((exec as number) / n);
      entry.faults.push(faults / n);
      entry.systemShare.push(user + system > 0 ? system / (user + system) : NaN);
      results.set(v.name, entry);
      console.log(`round ${r + 1} ${v.name.padEnd(9)} backends ${(ns / n / 1e6).toFixed(3)} ms/claim on ${used} backends; cluster ${clusterMs.toFixed(2)} ms/claim (ticks); exec ${((exec as number) / n).toFixed(3)}; ${(faults / n).toFixed(1)} minor faults, system ${system} of ${user + system} ticks; load ${loadavg()}`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(results.get("raw")?.ns ?? [NaN]);
  console.log(`\nClient backends' CPU per claim (ms, /proc/<pid>/schedstat), ${n} claims a round, ${rounds} rounds, one station\n`);
  console.log(
    table(
      ["variant", "median", "each round", "÷ raw", "exec (pg_stat_statements)", "minor faults", "system share", "backends used"],
      variants.map((v) => {
        const e = results.get(v.name)!;
        return [v.name, median(e.ns).toFixed(3), e.ns.map((x) => x.toFixed(3)).join(" "), (median(e.ns) / base).toFixed(2), median(e.execMs).toFixed(3), median(e.faults).toFixed(1), median(e.systemShare).toFixed(2), e.backends.join(" ")];
      }),
    ),
  );
  await legit10.close();
  await legit1.close();
  await Promise.all(pool.map((p) => p.end()));
  await setup.end();
}

const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

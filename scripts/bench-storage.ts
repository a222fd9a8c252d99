/**
 * Benchmark (prints figures; not a test): the putaway suggestion and bin lookup at 100k bins holding
 * 1M stored items. Starts a throwaway PostgreSQL (scripts/pg-cluster.ts) unless DATABASE_URL is set
 * (then use a scratch database: it adds a bench center, its bins and items).
 * `npm run bench:storage -- --bins 100000 --items 1000000`
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { asc, eq, sql, type SQLWrapper } from "drizzle-orm";
import { openDb } from "@/db/open-db";
import { centers, items, products } from "@/db/schema";
import { itemRowColumns, productOfItem } from "@/lib/catalog/item-row-columns";
import { findBinView } from "@/lib/storage/bin-view";
import { binByCode, findBin } from "@/lib/storage/occupancy";
import { storageFeeReport } from "@/lib/storage/storage-fees";
import { restampStays } from "@/lib/storage/stays";
import { candidateBins, suggestBin } from "@/lib/storage/suggest-bin";
import { storageUtilisation } from "@/lib/storage/utilisation";
import { startCluster, type Cluster } from "./pg-cluster";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return `p50 ${at(50).toFixed(2)} ms, p95 ${at(95).toFixed(2)} ms, p99 ${at(99).toFixed(2)} ms, max ${s.at(-1)!.toFixed(2)} ms (n=${s.length})`;
}

async function time<T>(runs: number, work: (i: number) => Promise<T>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(i);
    out.push(performance.now() - start);
  }
  return out;
}

async function main() {
  const total = arg("bins", 100_000);
  const itemCount = arg("items", 1_000_000);
  const runs = arg("runs", 1000);
  // Capacity so that the full 90% of the path holds about `items` (at least 4 a bin).
  const capacity = Math.max(4, Math.round(itemCount / (total * 0.9)));
  let cluster: Cluster | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    cluster = await startCluster();
    url = cluster.url();
  }
  const handle = await openDb({ url, max: 4 });
  try {
    const db = handle.db;
    const [center] = await db
      .insert(centers)
      .values({
        code: `BENCH${randomBytes(3).toString("hex").toUpperCase()}`,
        name: "Storage bench",
        timezone: "Asia/Seoul",
        settings: { inspectionDeadlineHours: 24, fourEyesPrice: 1e9, penaltyRates: {}, storageFreeDays: 30, claimTimeoutMinutes: 30 },
      })
      .returning();
    // Four zones: 60% S, 25% M, 10% L, 5% XL; 50 racks × 5 levels per aisle. Bins are filled
    // first (occupied as planned), then stored items are made to match, bin by bin.
    const layout = [
      { code: "A", cls: "S", share: 0.6 },
      { code: "B", cls: "M", share: 0.25 },
      { code: "C", cls: "L", share: 0.1 },
      { code: "D", cls: "XL", share: 0.05 },
    ];
    const made = performance.now();
    let offset = 0;
    for (const zone of layout) {
      const n = Math.round(total * zone.share);
      await db.execute(sql`insert into zones (center_id, code, name) values (${center.id}, ${zone.code}, ${`Zone ${zone.code}`})`);
      await db.execute(sql`
        insert into bins (center_id, zone_id, code, size_class, capacity, occupied, pick_sequence)
        select ${center.id}, z.id,
               'BIN-' || ${zone.code} || '-' || lpad(((g / 250) + 1)::text, 3, '0') || '-' || lpad((((g / 5) % 50) + 1)::text, 2, '0') || '-' || ((g % 5) + 1)::text,
               ${zone.cls}, ${capacity},
               -- The first 90% of each zone's path is full: the suggestion must walk past them.
               case when g < ${Math.floor(n * 0.9)} then ${capacity} else (g % ${capacity}) end,
               ${offset} + g + 1
        from zones z, generate_series(0, ${n - 1}) g
        where z.center_id = ${center.id} and z.code = ${zone.code}`);
      offset += n;
    }
    const [{ count }] = (await db.execute(sql`select count(*)::int as count from bins where center_id = ${center.id}`)) as unknown as { count: number }[];
    console.log(`bins: ${count} of capacity ${capacity} in ${((performance.now() - made) / 1000).toFixed(1)} s (90% of each zone's path full)`);
    const filled = performance.now();
    const stored = await fillBins(db, center.id);
    // The fee report's stays, as putaway would have written them (lib/storage/stays.ts).
    await restampStays(db);
    await db.execute(sql`analyze storage_stays`);
    await db.execute(sql`analyze bins`);
    await db.execute(sql`analyze items`);
    console.log(`stored items: ${stored} in ${((performance.now() - filled) / 1000).toFixed(1)} s (each bin's occupancy equals its items)`);

    // The plans and the time inside PostgreSQL of the very queries the code runs (no client,
    // network or waiting for a core in these figures).
    const classes = ["S", "M", "L", "XL"] as const;
    const codes = (await db.execute(sql`select code from bins where center_id = ${center.id} order by random() limit ${runs}`)) as unknown as { code: string }[];
    const planOf = async (query: SQLWrapper) => {
      const [row] = (await db.execute(sql`explain (analyze, buffers, format json) ${query}`)) as unknown as Record<string, [{ Plan: unknown; "Execution Time": number }]>[];
      return Object.values(row)[0][0];
    };
    const explain = async (title: string, query: SQLWrapper) => {
      const plan = (await db.execute(sql`explain (analyze, buffers) ${query}`)) as unknown as Record<string, string>[];
      console.log(`${title} plan:`);
      for (const row of plan) console.log(`  ${Object.values(row)[0]}`);
    };
    const binContents = (code: string) =>
      db.select({ ...itemRowColumns, storedAt: items.storedAt }).from(items).leftJoin(products, productOfItem)
        .where(eq(items.binId, sql`(select id from bins where center_id = ${center.id} and code = ${code})`)).orderBy(asc(items.storedAt));
    await explain("suggestion query (candidateBins)", candidateBins(db, center.id, "S"));
    await explain("bin lookup (binByCode)", binByCode(db, center.id, codes[0].code));
    await explain("bin contents (bin view)", binContents(codes[0].code));
    const inServer = async (n: number, query: (i: number) => SQLWrapper) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await planOf(query(i)))["Execution Time"]);
      return out;
    };
    const serverSuggest = await inServer(runs, (i) => candidateBins(db, center.id, classes[i % 4]));
    console.log(`in PostgreSQL, suggestion: ${stats(serverSuggest)}`);
    const serverLookup = await inServer(codes.length, (i) => binByCode(db, center.id, codes[i].code));
    console.log(`in PostgreSQL, bin lookup: ${stats(serverLookup)}`);
    console.log(`in PostgreSQL, bin contents: ${stats(await inServer(Math.min(200, codes.length), (i) => binContents(codes[i].code)))}`);

    await time(50, (i) => suggestBin(db, center.id, classes[i % 4], { operatorId: `bench-${i % 67}` }));
    const suggest = await time(runs, (i) => suggestBin(db, center.id, classes[i % 4], { operatorId: `bench-${i % 67}` }));
    console.log(`putaway suggestion: ${stats(suggest)}`);

    const lookup = await time(codes.length, (i) => findBin(db, center.id, codes[i].code));
    console.log(`bin lookup by code: ${stats(lookup)}`);
    const view = await time(Math.min(200, codes.length), (i) => findBinView(db, { centerId: center.id, role: "manager" }, codes[i].code));
    console.log(`bin view (bin, contents, open count): ${stats(view)}`);
    // The manager's storage figures over the whole center (a scan of its stays, summed in the database).
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const report = await time(3, () => storageFeeReport(db, center.id, { from: monthAgo, to: today }));
    console.log(`fee report per seller, 30 days, ${stored} stays: ${stats(report)}`);
    const usage = await time(10, () => storageUtilisation(db, center.id));
    console.log(`utilisation per zone and class, ${count} bins: ${stats(usage)}`);
    const p = (ms: number[], at: number) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length * at)];
    console.log(`machine load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (wall-clock times include waiting for a core)`);
    const query = Math.max(p(serverSuggest, 0.95), p(serverLookup, 0.95));
    const wall = Math.max(p(suggest, 0.5), p(lookup, 0.5));
    console.log(`${query < 10 ? "OK" : "SLOW"}: query p95 ${query.toFixed(2)} ms in PostgreSQL, wall-clock p50 ${wall.toFixed(2)} ms, at ${count} bins and ${stored} items`);
  } finally {
    await handle.close();
    cluster?.stop();
  }
}

/**
 * Makes the stored items the bins' occupancy says they hold (each bin exactly its `occupied`), a
 * slice of the path at a time so one statement never holds a million rows.
 */
async function fillBins(db: Awaited<ReturnType<typeof openDb>>["db"], centerId: string): Promise<number> {
  const [order] = (await db.execute(sql`
    insert into inbound_orders (center_id, external_id, type, seller)
    values (${centerId}, ${`BENCH-${randomBytes(4).toString("hex")}`}, 'storage', ${JSON.stringify({ id: "S-BENCH", name: "Bench seller" })}::jsonb)
    returning id`)) as unknown as { id: string }[];
  const prefix = `BS${randomBytes(2).toString("hex").toUpperCase()}`;
  let made = 0;
  for (let from = 0; ; from += 10_000) {
    const [{ n }] = (await db.execute(sql`
      with slice as (
        select id, occupied, size_class, pick_sequence from bins
        where center_id = ${centerId} and occupied > 0
        order by pick_sequence offset ${from} limit 10000
      ), numbered as (
        select s.id as bin_id, s.size_class, row_number() over (order by s.pick_sequence, g) as k
        from slice s, generate_series(1, s.occupied) g
      ), made as (
        insert into items (center_id, order_id, code, type, state, sku, product_name, category, size, price, bin_id, stored_at, received_at)
        select ${centerId}, ${order.id}, ${prefix} || lpad((${made} + k)::text, 9, '0'), 'storage', 'stored',
               'SKU-' || size_class || '-' || (k % 50), 'Bench product ' || (k % 50),
               case size_class when 'S' then 'sneakers' when 'L' then 'bags' else 'apparel' end,
               '270', 100000, bin_id, now() - ((k % 90) || ' days')::interval, now() - ((k % 90) || ' days')::interval
        from numbered
        returning 1
      )
      select count(*)::int as n from made`)) as unknown as { n: number }[];
    if (n === 0) return made;
    made += n;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

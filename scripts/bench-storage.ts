/**
 * Benchmark (prints figures; not a test): the putaway suggestion and bin lookup at 100k bins.
 * Starts a throwaway PostgreSQL (scripts/pg-cluster.ts) unless DATABASE_URL is set (then use a
 * scratch database: it adds a bench center and its bins). `npm run bench:storage -- --bins 100000`
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import { sql } from "drizzle-orm";
import { openDb } from "@/db/open-db";
import { centers } from "@/db/schema";
import { findBinView } from "@/lib/storage/bin-view";
import { findBin } from "@/lib/storage/occupancy";
import { suggestBin } from "@/lib/storage/suggest-bin";
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
  const runs = arg("runs", 1000);
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
    // Four zones: 60% S, 25% M, 10% L, 5% XL; 50 racks × 5 levels per aisle.
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
               ${zone.cls}, 4,
               -- The first 90% of each zone's path is full: the suggestion must walk past them.
               case when g < ${Math.floor(n * 0.9)} then 4 else (g % 4) end,
               ${offset} + g + 1
        from zones z, generate_series(0, ${n - 1}) g
        where z.center_id = ${center.id} and z.code = ${zone.code}`);
      offset += n;
    }
    await db.execute(sql`analyze bins`);
    const [{ count }] = (await db.execute(sql`select count(*)::int as count from bins where center_id = ${center.id}`)) as unknown as { count: number }[];
    console.log(`bins: ${count} in ${((performance.now() - made) / 1000).toFixed(1)} s (90% of each zone's path full)`);

    const explain = async (title: string, query: ReturnType<typeof sql>) => {
      const plan = (await db.execute(sql`explain (analyze, buffers) ${query}`)) as unknown as Record<string, string>[];
      console.log(`${title} plan:`);
      for (const row of plan) console.log(`  ${Object.values(row)[0]}`);
    };
    await explain(
      "suggestion query",
      sql`select b.id, b.code, b.occupied, b.capacity, b.pick_sequence, z.code, z.name from bins b join zones z on z.id = b.zone_id
          where b.center_id = ${center.id} and b.size_class = 'S' and b.active = true and b.occupied < b.capacity order by b.pick_sequence limit 8`,
    );
    await explain("bin lookup", sql`select * from bins where center_id = ${center.id} and code = 'BIN-A-200-25-3'`);

    const classes = ["S", "M", "L", "XL"] as const;
    await time(50, (i) => suggestBin(db, center.id, classes[i % 4]));
    const suggest = await time(runs, (i) => suggestBin(db, center.id, classes[i % 4]));
    console.log(`putaway suggestion: ${stats(suggest)}`);

    const codes = (await db.execute(sql`select code from bins where center_id = ${center.id} order by random() limit ${runs}`)) as unknown as { code: string }[];
    const lookup = await time(codes.length, (i) => findBin(db, center.id, codes[i].code));
    console.log(`bin lookup by code: ${stats(lookup)}`);
    const view = await time(Math.min(200, codes.length), (i) => findBinView(db, center.id, codes[i].code));
    console.log(`bin view (bin, contents, open count): ${stats(view)}`);
    const worst = Math.max(...[suggest, lookup].map((ms) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.5)]));
    console.log(`machine load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (wall-clock times include waiting for a core)`);
    console.log(worst < 10 ? `OK: p50 under 10 ms at ${count} bins` : `SLOW: p50 ${worst.toFixed(2)} ms at ${count} bins`);
  } finally {
    await handle.close();
    cluster?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Benchmark (prints figures; not a test): item transitions per second through applyTransition,
 * with N concurrent "stations", on the embedded database or on DATABASE_URL (use a scratch database:
 * it adds a bench center and its rows). `npm run bench:transitions -- --items 2000 --stations 8`
 */
import { randomBytes } from "node:crypto";
import { openDb } from "@/db/open-db";
import { centers, inboundOrders, items } from "@/db/schema";
import { applyTransition } from "@/lib/items/apply-transition";
import type { ItemAction } from "@/lib/items/transitions";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const path: ItemAction[] = ["receive", "claim", "pass", "route_storage", "putaway"];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  const count = arg("items", 1000);
  const stations = arg("stations", 8);
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url, max: stations + 2 } : {});
  const db = handle.db;
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  const [center] = await db
    .insert(centers)
    .values({
      code: `BENCH${suffix}`,
      name: "Bench",
      timezone: "Asia/Seoul",
      settings: { inspectionDeadlineHours: 24, fourEyesPrice: 1e9, penaltyRates: {}, storageFreeDays: 30, claimTimeoutMinutes: 30 },
    })
    .returning();
  const [order] = await db
    .insert(inboundOrders)
    .values({ centerId: center.id, externalId: `BENCH-${suffix}`, type: "storage", seller: { id: "s", name: "Bench" } })
    .returning();
  const rows = await db
    .insert(items)
    .values(
      Array.from({ length: count }, () => ({
        centerId: center.id,
        orderId: order.id,
        type: "storage" as const,
        state: "expected" as const,
        sku: "DD1391-100",
        productName: "Nike Dunk Low",
        category: "sneakers",
        size: "270",
        price: 129000,
      })),
    )
    .returning({ id: items.id });

  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: stations }, async (_, s) => {
      while (next < rows.length) {
        const item = rows[next++];
        for (const action of path) {
          const t = performance.now();
          await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action, actor: { station: `BENCH-${s}` } }));
          latencies.push(performance.now() - t);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(`database: ${handle.kind}; ${count} items × ${path.length} transitions with ${stations} concurrent stations`);
  console.log(`transitions: ${latencies.length} in ${seconds.toFixed(2)} s = ${(latencies.length / seconds).toFixed(0)} per second`);
  console.log(
    `latency ms: p50 ${percentile(latencies, 50).toFixed(1)}, p90 ${percentile(latencies, 90).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${latencies[latencies.length - 1].toFixed(1)}`,
  );
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

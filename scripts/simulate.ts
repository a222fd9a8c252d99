/**
 * Plays the marketplace against a running Legit over real HTTP, for the demo and for load tests:
 *
 *   npm run simulate -- --rate 6 --minutes 10 [--url http://localhost:3000] [--token lgt_…] [--center SEL]
 *                       [--storage-share 0.4] [--seed 42]
 *
 * --rate is announced orders per minute. Requests go only to --url (default localhost). The token
 * defaults to LEGIT_API_TOKEN, else the demo token of --center. Prints a summary with request counts,
 * errors and latency percentiles; exits 1 if any request failed other than by a 404/409 race.
 */
import { randomBytes } from "node:crypto";
import { loadCatalog } from "@/db/seed/catalog";
import { demoApiTokens } from "@/scripts/demo-tokens";
import { MarketplaceSimulator } from "@/scripts/simulator/marketplace-simulator";
import { makeRng } from "@/scripts/simulator/order-generator";
import { formatSummary } from "@/scripts/simulator/request-stats";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function numberFlag(name: string, fallback: number, min: number, max: number): number {
  const raw = flag(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    console.error(`--${name} must be a number from ${min} to ${max}.`);
    process.exit(2);
  }
  return value;
}

async function main() {
  const rate = numberFlag("rate", 6, 0.01, 100_000);
  const minutes = numberFlag("minutes", 1, 0.05, 24 * 60);
  const storageShare = numberFlag("storage-share", 0.4, 0, 1);
  const seed = numberFlag("seed", Date.now() % 2 ** 31, 0, 2 ** 32);
  const baseUrl = new URL(flag("url") ?? "http://localhost:3000");
  if (!/^https?:$/.test(baseUrl.protocol)) throw new Error("--url must be http(s).");
  const token = flag("token") ?? process.env.LEGIT_API_TOKEN;
  const center = (flag("center") ?? (token === demoApiTokens.TYO ? "TYO" : "SEL")).toUpperCase();
  const demoToken = demoApiTokens[center as keyof typeof demoApiTokens];
  if (!token && !demoToken) throw new Error(`No token: pass --token or set LEGIT_API_TOKEN (there is no demo token for ${center}).`);

  const catalog = loadCatalog().map((p) => ({ sku: p.sku, nameEn: p.nameEn, category: p.category, releasePrice: p.releasePrice, sizes: p.sizes }));
  const runId = `SIM-${new Date().toISOString().slice(0, 10).replace(/-/g, "")}-${randomBytes(3).toString("hex")}`;
  const simulator = new MarketplaceSimulator({
    baseUrl: baseUrl.toString(),
    token: token ?? demoToken,
    centerCode: center,
    catalog,
    ordersPerMinute: rate,
    storageShare,
    rng: makeRng(seed),
    runId,
    log: (line) => console.warn(`  ! ${line}`),
  });

  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  console.log(`Simulating the marketplace against ${baseUrl.origin} for center ${center}: ${rate} orders/min for ${minutes} min (run ${runId}, seed ${seed}).`);
  const started = Date.now();
  let lastReport = started;
  await simulator.run({
    durationMs: minutes * 60_000,
    signal: stop.signal,
    onTick: () => {
      if (Date.now() - lastReport < 10_000) return;
      lastReport = Date.now();
      const c = simulator.counts;
      console.log(
        `  ${Math.round((lastReport - started) / 1000)}s: ${simulator.stats.total} requests; announced ${c.announced}, sales ${c.sales}, withdrawals ${c.withdrawals}, decisions ${c.decisions}, cancels ${c.cancels}, events read ${c.events}`,
      );
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const summary = simulator.stats.summarize();
  console.log(`\n${formatSummary(summary, seconds)}`);
  const c = simulator.counts;
  console.log(`announced ${c.announced} orders (${c.replays} retried), ${c.cancels} cancels, ${c.sales} sales, ${c.withdrawals} withdrawals, ${c.decisions} buyer decisions; read ${c.events} events.`);
  const failed = summary.all.clientErrors + summary.all.serverErrors + summary.all.networkErrors;
  if (failed > 0) {
    console.error(`${failed} requests failed.`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

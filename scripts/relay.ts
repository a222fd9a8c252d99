/**
 * The webhook relay as its own process: `npm run relay [-- --interval 1000]`. Pushes outbox events
 * to every API client with a webhook, and once an hour deletes scan answers older than a week. Run
 * as many as you like against one PostgreSQL: they share the work through leases kept in the
 * database. With the embedded database (no DATABASE_URL) only one
 * process may open it, so stop the app first or let the app run the relay itself.
 */
import { embeddedDataDir, openDb } from "@/db/open-db";
import { runRelayLoop } from "@/lib/api/relay-loop";

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url, max: 2 } : { dataDir: embeddedDataDir() });
  const intervalMs = Number(argValue("interval") ?? 1000);
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  console.log(`Webhook relay running on ${handle.kind} (every ${intervalMs} ms). Ctrl+C stops it.`);
  await runRelayLoop(handle.db, {
    signal: stop.signal,
    intervalMs,
    onPass: (r) => {
      if (r.deliveredEvents > 0) console.log(`${new Date().toISOString()} delivered ${r.deliveredEvents} events in ${r.deliveredBatches} batches`);
      for (const f of r.failures) console.warn(`${new Date().toISOString()} client ${f.apiClientId}: attempt ${f.attempts} failed (${f.error}); next try ${f.nextAttemptAt.toISOString()}`);
    },
    onPurge: (deleted) => {
      if (deleted > 0) console.log(`${new Date().toISOString()} deleted ${deleted} scan answers past their retention`);
    },
    onError: (error) => console.error("relay pass failed:", error),
  });
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

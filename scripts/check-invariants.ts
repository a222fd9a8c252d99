import { embeddedDataDir, openDb } from "@/db/open-db";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";

/**
 * `npm run check:invariants`: checks the database (DATABASE_URL, else the embedded one) against
 * the rules every state change keeps; prints one line per rule and exits 1 on any breach.
 * `--center <uuid>` (repeatable) limits the check to some centers.
 */
async function main() {
  const args = process.argv.slice(2);
  const centerIds = args.flatMap((a, i) => (a === "--center" && args[i + 1] ? [args[i + 1]] : []));
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url, migrate: false, max: 2 } : { dataDir: embeddedDataDir(), migrate: false });
  try {
    const report = await checkInvariants(handle.db, { centerIds });
    console.log(formatInvariantReport(report));
    console.log(report.ok ? "\nAll invariants hold." : `\n${report.breaches.length} invariant(s) breached.`);
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});

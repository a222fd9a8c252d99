import { embeddedDataDir, openDb } from "@/db/open-db";

/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL or the embedded database. */
async function main() {
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url } : { dataDir: embeddedDataDir() });
  await handle.close();
  console.log(`Migrations applied (${handle.kind}).`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

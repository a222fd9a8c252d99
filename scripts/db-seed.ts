import { embeddedDataDir, openDb } from "@/db/open-db";
import { seedDemoIfEmpty } from "@/db/seed/seed-demo";

/** `npm run db:seed`: fills an empty database with the demo data (DATABASE_URL or the embedded one). */
async function main() {
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url } : { dataDir: embeddedDataDir() });
  try {
    if (await seedDemoIfEmpty(handle.db, console.log)) console.log("Demo data ready.");
    else console.log("The database already has data; not seeding. (Delete .data/ to start the embedded demo afresh.)");
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

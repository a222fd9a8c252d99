import { embeddedDataDir, openDb } from "@/db/open-db";
import { isDatabaseEmpty, seedDemo } from "@/db/seed/seed-demo";

/** `npm run db:seed`: fills an empty database with the demo data (DATABASE_URL or the embedded one). */
async function main() {
  const url = process.env.DATABASE_URL;
  const handle = await openDb(url ? { url } : { dataDir: embeddedDataDir() });
  try {
    if (!(await isDatabaseEmpty(handle.db))) {
      console.log("The database already has data; not seeding. (Delete .data/ to start the embedded demo afresh.)");
      return;
    }
    await seedDemo(handle.db, console.log);
    console.log("Demo data ready.");
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openDb } from "@/db/open-db";
import { seedDemo } from "@/db/seed/seed-demo";
import { serveNext } from "./serve-next";

/**
 * The server the Playwright tests run against: a fresh embedded database with the demo data
 * (or a fresh database on the PostgreSQL server LEGIT_E2E_PG_SERVER_URL), then `next start`.
 */
async function freshPostgresDatabase(serverUrl: string | undefined, name: string): Promise<string | undefined> {
  if (!serverUrl) return undefined;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}

async function main() {
  const port = process.env.PORT ?? "3100";
  const url = await freshPostgresDatabase(process.env.LEGIT_E2E_PG_SERVER_URL, `legit_e2e_${port}`);
  const dataDir = path.join(process.cwd(), ".data", `e2e-${port}`);
  if (!url) rmSync(dataDir, { recursive: true, force: true });
  const handle = await openDb(url ? { url } : { dataDir });
  await seedDemo(handle.db);
  await handle.close();
  const env = {
    ...process.env,
    ...(url ? { DATABASE_URL: url } : { LEGIT_DATA_DIR: dataDir }),
    PHOTO_DIR: path.join(process.cwd(), ".data", `e2e-photos-${port}`),
    AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
    // The webhook journey posts to a receiver on 127.0.0.1.
    LEGIT_WEBHOOK_ALLOW_PRIVATE: "1",
  };
  serveNext(port, env);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { openDb } from "@/db/client";
import { seedDemo } from "@/db/seed/seed-demo";

/**
 * The server the Playwright tests run against: a fresh embedded database with the demo data
 * (or a fresh PostgreSQL database when LEGIT_E2E_DATABASE_URL is given), then `next start`.
 */
async function main() {
  const port = process.env.PORT ?? "3100";
  const url = process.env.LEGIT_E2E_DATABASE_URL;
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
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production" as const,
  };
  const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

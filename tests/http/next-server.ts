import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { openDb, type DbHandle } from "@/db/open-db";
import { root } from "../architecture/source-files";

/** The production build these tests serve (`npx next build`; npm test builds before this step). */
export const hasBuild = () => existsSync(path.join(root, ".next", "BUILD_ID"));

/** A fresh database (copied from the migrated template) on the test PostgreSQL, dropped by close(). */
export async function freshPostgres(): Promise<DbHandle & { url: string }> {
  const serverUrl = inject("pgServerUrl");
  const name = `legit_http_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template legit_template`);
  await admin.end();
  const url = serverUrl.replace(/\/[^/]*$/, `/${name}`);
  const handle = await openDb({ url, migrate: false, max: 10 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}


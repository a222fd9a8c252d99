import "server-only";
import { env } from "@/lib/env";
import { embeddedDataDir, openDb, type Db, type DbHandle } from "./open-db";

export type { Db, DbHandle, Queryable, Schema, Tx } from "./open-db";

const globalForDb = globalThis as unknown as { legitDb?: Promise<DbHandle> };

/**
 * The process's one database. Cached on globalThis: PGlite must never be opened twice on one
 * directory, and Next's dev server reloads modules.
 */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.legitDb) {
    const url = env.DATABASE_URL;
    globalForDb.legitDb = openDb(url ? { url } : { dataDir: embeddedDataDir() });
    globalForDb.legitDb.catch(() => {
      globalForDb.legitDb = undefined;
    });
  }
  return globalForDb.legitDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

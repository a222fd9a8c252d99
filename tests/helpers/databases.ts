import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { openDb, type Db, type DbHandle } from "@/db/open-db";

export type DbKind = "pglite" | "postgres";

/** A fresh, migrated database of the given kind, dropped again by close(). */
export async function freshDb(kind: DbKind): Promise<DbHandle> {
  if (kind === "pglite") return openDb({});
  const serverUrl = inject("pgServerUrl");
  const name = `legit_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template legit_template`);
  await admin.end();
  const handle = await openDb({ url: serverUrl.replace(/\/[^/]*$/, `/${name}`), migrate: false, max: 20 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export function dbKinds(): DbKind[] {
  return inject("pgServerUrl") ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * Runs the same suite on embedded PGlite and on real PostgreSQL, each with its own fresh database.
 * `use()` returns the database of the running suite.
 */
export function describeEachDb(title: string, body: (use: () => Db, kind: DbKind) => void) {
  for (const kind of dbKinds()) {
    describe(`${title} [${kind}]`, () => {
      let handle: DbHandle | undefined;
      beforeAll(async () => {
        handle = await freshDb(kind);
      }, 180_000); // PGlite applies every migration to a new database: slow when the machine is busy
      afterAll(async () => {
        await handle?.close();
      });
      body(() => {
        if (!handle) throw new Error("database not ready");
        return handle.db;
      }, kind);
    });
  }
}

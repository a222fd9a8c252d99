import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { openDb, type Db, type DbHandle } from "@/db/open-db";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";

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
 * `use()` returns the database of the running suite. When the suite is done, the invariant checker
 * (lib/invariants) runs over everything it wrote and fails the suite on any breach; only a suite
 * that breaks the rules on purpose (the checker's own test) passes `{ invariants: false }`.
 */
export function describeEachDb(title: string, body: (use: () => Db, kind: DbKind) => void, options: { invariants?: boolean } = {}) {
  for (const kind of dbKinds()) {
    describe(`${title} [${kind}]`, () => {
      let handle: DbHandle | undefined;
      beforeAll(async () => {
        handle = await freshDb(kind);
      }, 180_000); // PGlite applies every migration to a new database: slow when the machine is busy
      afterAll(async () => {
        try {
          if (handle && options.invariants !== false) {
            const report = await checkInvariants(handle.db);
            expect(report.breaches, `invariants after "${title}" [${kind}]:\n${formatInvariantReport(report)}`).toEqual([]);
          }
        } finally {
          await handle?.close();
        }
      }, 60_000);
      body(() => {
        if (!handle) throw new Error("database not ready");
        return handle.db;
      }, kind);
    });
  }
}

// Opening a database, for the app (db/client.ts) and for scripts and tests, which open their own.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { env } from "@/lib/env";
import { beginOnReservedConnection } from "./reserved-transactions";
import * as schema from "./schema";

export type Schema = typeof schema;
/**
 * Either driver's database: PGlite (embedded) and postgres.js share this interface. Without Drizzle's
 * relational queries (`db.query.<table>`; nothing uses them): given the schema, Drizzle builds one
 * query builder per table for every transaction it opens, 0.015 ms each time.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; pass it down so every write of one change commits together. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Query functions accept the database or a transaction. */
export type Queryable = Db | Tx;

export type DbHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * postgres.js with every query a prepared statement. Drizzle sends its queries unprepared, and
 * postgres.js then asks the server for the parameter types before each one: two round trips per
 * statement instead of one (and planning every time). Prepared, each statement shape is parsed
 * once per connection (postgres.js keeps them until the connection is recycled). Transactions and
 * savepoints hand out their own handles, so those are wrapped too; transactions run on a reserved
 * connection (db/reserved-transactions.ts).
 */
function preparing<T extends object>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], opts?: Record<string, unknown>) =>
          (value as (...a: unknown[]) => unknown).call(target, query, params, { ...opts, prepare: true });
      }
      if (prop === "begin") {
        const begin = beginOnReservedConnection(target as unknown as Sql);
        return (...args: unknown[]) => {
          const work = args.pop() as (inner: object) => unknown;
          return begin(...args, (inner: object) => work(preparing(inner)));
        };
      }
      if (prop === "savepoint") {
        return (...args: unknown[]) => {
          const work = args.pop() as (inner: object) => unknown;
          return (value as (...a: unknown[]) => unknown).call(target, ...args, (inner: object) => work(preparing(inner)));
        };
      }
      return value;
    },
  });
}
/** The advisory lock that migrations and the demo seed run under (one instance at a time). */
export const migrationLockKey = 7383001;

/** Opens a database: PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir` (or memory). */
export async function openDb(options: {
  url?: string;
  dataDir?: string;
  migrate?: boolean;
  max?: number;
  /** postgres.js's queries in flight per connection (default 100); a test sets the edge case 0. */
  maxPipeline?: number;
}): Promise<DbHandle> {
  if (options.url) {
    const { connectPostgres } = await import("./postgres-target");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // At least two connections: migration holds one for its advisory lock.
    // JIT off: our statements are short, and compiling one cost 150 ms on a desk query (EXPLAIN
    // ANALYZE at 1M items) that runs in a fraction of that without it.
    // A Unix socket when the URL names one libpq's way (`?host=/dir`): db/postgres-target.ts.
    const client = connectPostgres(options.url, {
      max: Math.max(options.max ?? 10, 2),
      // postgres.js reads max_pipeline, but its type definitions leave it out.
      ...({ max_pipeline: options.maxPipeline ?? 100 } as object),
      onnotice: () => {},
      connection: { jit: "off" },
    });
    const db = drizzle(preparing(client)) as unknown as Db;
    if (options.migrate !== false) {
      const { migrate } = await import("drizzle-orm/postgres-js/migrator");
      // Several app instances may start at once: only one migrates at a time.
      const lock = await client.reserve();
      try {
        await lock`select pg_advisory_lock(${migrationLockKey})`;
        await migrate(drizzle(client, { schema }), { migrationsFolder });
      } finally {
        await lock`select pg_advisory_unlock(${migrationLockKey})`;
        lock.release();
      }
    }
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  // Trigram search (desk search); the migration runs `create extension pg_trgm`.
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (options.dataDir) mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const client = new PGlite({ dataDir: options.dataDir, extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzle(client) as unknown as Db;
  if (options.migrate !== false) {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  }
  return { db, kind: "pglite", close: () => client.close() };
}

/** Where the embedded database lives when DATABASE_URL is not set. */
export function embeddedDataDir(): string {
  return env.LEGIT_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

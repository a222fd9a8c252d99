import { expect } from "vitest";
import type { DbHandle } from "@/db/open-db";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";
import { startNextServer, type NextServer } from "@/scripts/next-server";
import { freshPostgres } from "./next-server";
import { buildWorld } from "./world";

/** A fresh PostgreSQL database with the two-center world (world.ts) and `instances` of `next start` on it. */
export async function serveWorld(instances = 1) {
  const db = await freshPostgres();
  const world = await buildWorld(db.db);
  const servers = await Promise.all(Array.from({ length: instances }, () => startNextServer(db.url)));
  return { db, world, servers };
}

/** After the suite: stops the servers, then the invariant checker runs over everything it wrote, then the database is dropped. */
export async function closeServedWorld(db: DbHandle | undefined, servers: (NextServer | undefined)[]) {
  await Promise.all(servers.map((server) => server?.stop()));
  if (db) {
    const report = await checkInvariants(db.db);
    await db.close();
    expect(report.breaches, formatInvariantReport(report)).toEqual([]);
  }
}

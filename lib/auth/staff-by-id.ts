import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { centers, users } from "@/db/schema";

/** What a request uses of the user and their center (no password or PIN hash, no settings). */
const columns = {
  users: { id: users.id, name: users.name, role: users.role, locale: users.locale, active: users.active, sessionVersion: users.sessionVersion },
  centers: { id: centers.id, code: centers.code, name: centers.name, timezone: centers.timezone, currency: centers.currency },
};

function build(db: Db) {
  return db
    .select(columns)
    .from(users)
    .innerJoin(centers, eq(users.centerId, centers.id))
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("staff_by_id");
}

const built = new WeakMap<Db, ReturnType<typeof build>>();

/**
 * A user with their center, read fresh from the database: every staff request does this once
 * (current-staff.ts). The query is built once per database (a Drizzle prepared query): Drizzle
 * otherwise rebuilds this join's SQL text, every column of both tables, on each call, which cost
 * more CPU than running it (2,000 sequential reads: 3.9 against 1.3 ms each on a busy machine).
 */
export async function staffById(db: Db, userId: string) {
  let query = built.get(db);
  if (!query) {
    query = build(db);
    built.set(db, query);
  }
  const [row] = await query.execute({ userId });
  return row;
}

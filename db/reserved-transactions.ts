import type { ReservedSql, Sql } from "postgres";

type Work = (sql: object) => unknown;

/** postgres.js error codes that mean the connection itself is gone (it reconnects on its own). */
const connectionLost = new Set(["CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED", "CONNECT_TIMEOUT", "ECONNRESET", "EPIPE", "ECONNREFUSED", "ETIMEDOUT"]);
const lost = (error: unknown) => connectionLost.has(String((error as { code?: unknown })?.code));

/**
 * `sql.begin` for Drizzle, on a connection reserved before BEGIN is sent. postgres.js 3.4.9's own
 * begin can send BEGIN on a busy connection without marking the connection as the transaction's,
 * when BEGIN is the query that fills its pipeline (porsager/postgres#823, #1189): the transaction
 * fails with UNSAFE_TRANSACTION and stays open on the server while other queries use that
 * connection. `reserve()` hands out only an idle connection and marks it before anything is sent.
 * Nested transactions are savepoints on the same connection, as with `sql.begin`.
 */
export function beginOnReservedConnection(sql: Sql) {
  return async (...args: unknown[]) => {
    const work = args.pop() as Work;
    const mode = typeof args[0] === "string" ? args[0].replace(/[^a-z ]/gi, "") : "";
    const conn = await sql.reserve();
    // A connection that died is postgres.js's to reconnect; handing it back as idle would break it.
    let reusable = true;
    try {
      await conn.unsafe(`begin ${mode}`);
      let result: unknown;
      try {
        result = await work(withSavepoints(conn));
        await conn.unsafe("commit");
      } catch (error) {
        reusable = await rolledBack(conn);
        throw error;
      }
      return result;
    } catch (error) {
      if (lost(error)) reusable = false;
      throw error;
    } finally {
      if (reusable) conn.release();
    }
  };
}

/** Ends whatever is left of the transaction (after a failed COMMIT there is none: PostgreSQL answers with a warning). */
async function rolledBack(conn: ReservedSql): Promise<boolean> {
  try {
    await conn.unsafe("rollback");
    return true;
  } catch (error) {
    return !lost(error);
  }
}

function withSavepoints(conn: ReservedSql) {
  let next = 0;
  const scoped = conn as ReservedSql & { savepoint: (...args: unknown[]) => Promise<unknown> };
  scoped.savepoint = async (...args: unknown[]) => {
    const work = args.pop() as Work;
    const name = `s${next++}`;
    await conn.unsafe(`savepoint ${name}`);
    try {
      const result = await work(scoped);
      await conn.unsafe(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await conn.unsafe(`rollback to savepoint ${name}`);
      throw error;
    }
  };
  return scoped;
}

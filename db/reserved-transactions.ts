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
      const begun = mode.trim() === "" ? sendBegin(conn) : await conn.unsafe(`begin ${mode}`).then(() => undefined);
      let result: unknown;
      try {
        result = await work(withSavepoints(conn));
        await begun;
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

/**
 * Sends a plain BEGIN without waiting for its answer: postgres.js queues it and writes it together
 * with the transaction's first statement (both are queued before its next write), so a transaction
 * costs one round trip less, on both sides of the socket. A plain BEGIN on an idle connection
 * cannot be refused while the connection lives, and if the connection dies every statement after
 * it fails too, so nothing runs outside the transaction. The caller awaits the answer before
 * COMMIT, to surface its error. (A BEGIN with a mode, which could be refused, is awaited first.)
 */
function sendBegin(conn: ReservedSql): Promise<void> {
  const sent = conn.unsafe("begin").execute().then(() => undefined);
  // Awaited after the work; should the work fail first, its rejection must not count as unhandled.
  sent.catch(() => undefined);
  return sent;
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

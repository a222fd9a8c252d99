import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDb, type DbHandle } from "@/db/open-db";
import { openThroughCountingRelay } from "../helpers/counting-relay";

/**
 * postgres.js 3.4.9 marks a connection as a transaction's only when BEGIN did not fill the
 * connection's pipeline (porsager/postgres#823, #1189, #1210). The benchmark met it at 200 stations
 * (pipeline of 100): UNSAFE_TRANSACTION, and a transaction left open on the server. With a pipeline
 * of 0 every BEGIN is at that edge, so `sql.begin` fails every time; our transactions run on a
 * reserved connection (db/reserved-transactions.ts) and must not.
 */
const serverUrl = inject("pgServerUrl");

describe.skipIf(!serverUrl)("transactions on their own connection [postgres]", () => {
  let handle: DbHandle;
  let name: string;

  beforeAll(async () => {
    name = `legit_t_${randomBytes(6).toString("hex")}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    handle = await openDb({ url: serverUrl!.replace(/\/[^/]*$/, `/${name}`), migrate: false, max: 3, maxPipeline: 0 });
    await handle.db.execute(sql`create table counter (id int primary key, n int not null)`);
    await handle.db.execute(sql`insert into counter values (1, 0)`);
  });

  afterAll(async () => {
    await handle?.close();
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("commits, rolls back and nests at the pipeline's edge, with plain queries alongside, and leaves no transaction open", async () => {
    const { db } = handle;
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      work.push(db.execute(sql`select ${i}::int as i`).then((r) => r));
      work.push(
        db.transaction(async (tx) => {
          await tx.execute(sql`update counter set n = n + 1 where id = 1`);
          // A nested transaction is a savepoint of the same connection; its failure undoes only itself.
          await tx.transaction(async (inner) => inner.execute(sql`select 1`));
          await tx.transaction(async (inner) => {
            await inner.execute(sql`update counter set n = n + 1000 where id = 1`);
            throw new Error("undo the savepoint only");
          }).catch(() => undefined);
        }),
      );
      // Every fifth transaction fails as a whole: nothing of it stays.
      if (i % 5 === 0) {
        work.push(
          db
            .transaction(async (tx) => {
              await tx.execute(sql`update counter set n = n + 1000000 where id = 1`);
              throw new Error("roll back");
            })
            .catch(() => undefined),
        );
      }
    }
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const [row] = (await db.execute(sql`select n from counter where id = 1`)) as unknown as { n: number }[];
    expect(row.n).toBe(60);
    const open = (await db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    )) as unknown as { n: number }[];
    expect(open[0].n).toBe(0);
  });
  it("sends BEGIN with the transaction's first statement: one write to the server fewer per transaction, the statement inside the transaction", async () => {
    const relay = await openThroughCountingRelay(serverUrl!.replace(/\/[^/]*$/, `/${name}`));
    const viaRelay = relay.handle;
    try {
      // Connected and warm (no parameters: the simple protocol, no statement to prepare).
      await viaRelay.db.transaction(async (tx) => tx.execute(sql`select 1`));
      relay.reset();
      await viaRelay.db.transaction(async (tx) => {
        await tx.execute(sql`update counter set n = n + 1 where id = 1`);
        await tx.execute(sql`select 2`);
      });
      // BEGIN + update, then select, then COMMIT (four writes when BEGIN waited for its answer).
      expect(relay.writes()).toBe(3);
      // The first statement ran inside the transaction: a failure afterwards takes it back.
      const before = ((await viaRelay.db.execute(sql`select n from counter where id = 1`)) as unknown as { n: number }[])[0].n;
      await expect(
        viaRelay.db.transaction(async (tx) => {
          await tx.execute(sql`update counter set n = n + 1 where id = 1`);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      const after = ((await viaRelay.db.execute(sql`select n from counter where id = 1`)) as unknown as { n: number }[])[0].n;
      expect(after).toBe(before);
      // A transaction whose first statement fails is rolled back and its connection serves the next.
      await expect(viaRelay.db.transaction(async (tx) => tx.execute(sql`select 1 / 0`))).rejects.toThrow(/select 1 \/ 0/);
      await viaRelay.db.transaction(async (tx) => tx.execute(sql`update counter set n = n + 1 where id = 1`));
      const last = ((await viaRelay.db.execute(sql`select n from counter where id = 1`)) as unknown as { n: number }[])[0].n;
      expect(last).toBe(before + 1);
    } finally {
      await relay.close();
    }
  });
});

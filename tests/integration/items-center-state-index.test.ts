import type { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type postgres from "postgres";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/result-rows";
import type { ItemState } from "@/db/schema";
import { listItemsInState } from "@/lib/desk/list-items";
import { buildPickLists } from "@/lib/dispatch/pick-queue";
import { listQuarantine } from "@/lib/dispatch/quarantine";
import { countWaitingWork } from "@/lib/stations/waiting-work";
import { listAwaitingPutaway } from "@/lib/storage/putaway";
import { describeEachDb, type DbKind } from "../helpers/databases";
import { planLine, planOf } from "../helpers/explain-plan";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";
import { ctxOf } from "./inspection-fixtures";

type Statement = { sql: string; params: unknown[] };

/** The same database through a Drizzle that records every statement it sends, with its parameters. */
async function recording(db: Db, kind: DbKind): Promise<{ db: Db; statements: Statement[] }> {
  const statements: Statement[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void statements.push({ sql: query, params }) };
  const client = (db as unknown as { $client: unknown }).$client;
  const recorded =
    kind === "pglite"
      ? (await import("drizzle-orm/pglite")).drizzle(client as PGlite, { logger })
      : (await import("drizzle-orm/postgres-js")).drizzle(client as postgres.Sql, { logger });
  return { db: recorded as unknown as Db, statements };
}

const mix: [ItemState, number][] = [
  ["stored", 2_000],
  ["dispatched", 1_500],
  ["received", 300],
  ["awaiting_putaway", 120],
  ["awaiting_pick", 80],
  ["awaiting_pack", 60],
  ["quarantined", 15],
];

describeEachDb("items_center_state_idx: (center, state) only, and every read of a center's items in a state still walks it", (use, kind) => {
  let centerId: string;
  let manager: ReturnType<typeof ctxOf>;

  beforeAll(async () => {
    const db = use();
    const [here, other] = [await createCenter(db), await createCenter(db)];
    centerId = here.id;
    manager = ctxOf(await createUser(db, here.id, "manager"), "DESK-1");
    for (const center of [here, other]) {
      for (const [state, n] of mix) await createOrderWithItems(db, center.id, Array(n).fill(state), { type: state === "received" ? "trade" : "storage" });
    }
    await db.execute(sql`vacuum analyze items`);
  }, 180_000);

  it("holds the center and the state, nothing more", async () => {
    const [index] = rowsOf(await use().execute(sql`select indexdef from pg_indexes where indexname = 'items_center_state_idx'`));
    expect(String(index.indexdef)).toMatch(/USING btree \(center_id, state\)$/);
  });

  it("the header's waiting work, the desk's items in a state, putaway, quarantine and pick lists read it, never a scan of the items", async () => {
    const { db, statements } = await recording(use(), kind);
    await countWaitingWork(db, centerId);
    await listItemsInState(db, centerId, "awaiting_pack", 1);
    await listAwaitingPutaway(db, centerId);
    await listQuarantine(db, manager);
    await db
      .transaction(async (tx) => {
        await buildPickLists(tx, centerId);
        tx.rollback();
      })
      .catch(() => {});
    const reads = statements.filter((s) => /^\s*select/i.test(s.sql) && /from "items"/.test(s.sql));
    expect(reads.length).toBeGreaterThanOrEqual(6);
    for (const read of reads) {
      for (const mode of ["force_custom_plan", "force_generic_plan"] as const) {
        const nodes = await planOf(use(), read, mode);
        const onItems = nodes.filter((n) => n["Relation Name"] === "items");
        const shown = `${mode}: ${planLine(nodes)} ← ${read.sql.slice(0, 160)}`;
        console.log(shown);
        expect(onItems.filter((n) => n["Node Type"].includes("Seq Scan")), shown).toEqual([]);
        if (mode === "force_custom_plan") expect(nodes.some((n) => n["Index Name"] === "items_center_state_idx"), shown).toBe(true);
      }
    }
    const [size] = rowsOf(await use().execute(sql`select pg_relation_size('items_center_state_idx') as bytes, (select count(*) from items) as items`));
    console.log(`items_center_state_idx: ${size.bytes} bytes for ${size.items} items`);
  });
});

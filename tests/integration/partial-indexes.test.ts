import { randomBytes } from "node:crypto";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDb, type Db } from "@/db/open-db";
import * as schema from "@/db/schema";
import { items, shipments } from "@/db/schema";
import { lookupPackItem } from "@/lib/dispatch/packing";
import { queueAges } from "@/lib/desk/dashboard-figures";
import { countWaiting } from "@/lib/inspection/count-waiting";
import { listInspectionQueue } from "@/lib/inspection/list-inspection-queue";
import { countWaitingWork } from "@/lib/stations/waiting-work";
import { findBinView } from "@/lib/storage/bin-view";
import { storageFeeReport } from "@/lib/storage/storage-fees";
import { suggestBin } from "@/lib/storage/suggest-bin";
import { createOrderWithItems } from "../helpers/fixtures";
import { dispatchWorld, freshCode, type DispatchWorld } from "./dispatch-fixtures";

/**
 * Every query is a prepared statement (db/open-db.ts), and a prepared statement may run on its
 * generic plan, which knows no parameter values: a partial index whose predicate the query states
 * with a parameter (`active = $3`) is then never used. So a query meant for a partial index writes
 * that predicate as literals (lib/dispatch/packing.ts, openParcelsFor). This file holds the rule:
 * each partial index of db/schema is listed here with the app function whose query should use it,
 * run through the app's own prepared path with `plan_cache_mode = force_generic_plan`, and the
 * index must have been scanned (pg_stat_user_indexes); or with the reason it is only a constraint.
 * A new partial index without its entry fails the first test.
 */
type Use =
  | { query: (db: Db, world: DispatchWorld) => Promise<unknown> }
  | { constraintOnly: string };

const partialIndexUses: Record<string, Use> = {
  shipments_open_parcels_idx: {
    // Scanning an item at the packing station lists the recipient's parcels still open.
    query: async (db, w) => {
      const [item] = await createOrderWithItems(db, w.center.id, ["awaiting_pack"], { type: "storage" });
      const code = freshCode();
      await db.update(items).set({ code }).where(sql`${items.id} = ${item.id}`);
      const recipient = { id: "buyer-1", name: "Lee Buyer", address: "1 Gangnam-daero, Seoul" };
      await db.insert(shipments).values({ centerId: w.center.id, itemId: item.id, destination: "buyer", recipient, reason: "storage_sold", shipBy: new Date() });
      return lookupPackItem(db, w.op, code);
    },
  },
  bins_free_idx: {
    // Putaway's bin suggestion walks the active bins with room in pick-path order.
    query: (db, w) => suggestBin(db, w.center.id, "S", { operatorId: "partial-indexes" }),
  },
  item_events_missing_spells_idx: {
    // The storage fee report reads the center's missing spells (mark_missing, found) before the period's end.
    query: (db, w) => storageFeeReport(db, w.center.id, { from: "2026-01-01", to: "2026-01-31" }),
  },
  shipments_awaiting_address_idx: {
    // The header's packing count leaves out the returns waiting for their seller's address (every poll).
    query: (db, w) => countWaitingWork(db, w.center.id),
  },
  items_received_for_return_idx: {
    // The inspection queue's total takes the received units flagged for return off the received count.
    query: (db, w) => countWaiting(db, w.center.id, new Date()),
  },
  items_desk_queue_idx: {
    // The desk's queue ages: each queue's oldest, and the breaches in the limit's own hour.
    query: (db, w) => queueAges(db, w.center.id, new Date()),
  },
  items_inspection_queue_idx: {
    // The inspection queue lists each order type's received units in receipt order.
    query: (db, w) => listInspectionQueue(db, w.center.id),
  },
  shipments_item_active_idx: { constraintOnly: "one shipment in progress per item; an item's shipment is read through shipments_item_idx" },
  pick_lines_item_open_idx: { constraintOnly: "an item is on one open pick line at most; lines are read by list (pick_lines_list_idx)" },
  cycle_counts_open_bin_idx: {
    // A bin scan reads the bin with its open count, if any (storage stations, bin page).
    query: (db, w) => findBinView(db, { centerId: w.center.id, role: "manager" }, w.bins[0].code),
  },
};

function partialIndexesOfSchema(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) => getTableConfig(table).indexes.filter((index) => index.config.where !== undefined).map((index) => index.config.name!));
}

describe("partial indexes are used by the generic plans of their prepared queries", () => {
  it("every partial index of db/schema is listed with its query or as a constraint only", () => {
    expect(partialIndexesOfSchema().sort()).toEqual(Object.keys(partialIndexUses).sort());
  });

  const serverUrl = inject("pgServerUrl");
  const queried = Object.entries(partialIndexUses).flatMap(([name, use]) => ("query" in use ? [{ name, query: use.query }] : []));
  describe.skipIf(!serverUrl)("on real PostgreSQL, generic plans forced", () => {
    const name = `legit_t_${randomBytes(6).toString("hex")}`;
    const dbUrl = serverUrl.replace(/\/[^/]*$/, `/${name}`);
    let admin: postgres.Sql;

    beforeAll(async () => {
      admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name} template legit_template`);
      // Every new connection of the app plans its prepared statements generically, and a table scan
      // is the last resort (the test tables are tiny; on them a scan would win over any index).
      await admin.unsafe(`alter database ${name} set plan_cache_mode = force_generic_plan`);
      await admin.unsafe(`alter database ${name} set enable_seqscan = off`);
    }, 60_000);
    afterAll(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    /** Scans of an index so far; a backend's counts reach the statistics when it exits. */
    async function indexScans(db: postgres.Sql, index: string): Promise<number> {
      await db`select pg_stat_clear_snapshot()`;
      const [row] = await db<{ n: number }[]>`select coalesce(sum(idx_scan), 0)::int as n from pg_stat_user_indexes where indexrelname = ${index}`;
      return row.n;
    }

    it.each(queried)("$name", async ({ name: index, query }) => {
      const setup = await openDb({ url: dbUrl, migrate: false });
      const world = await dispatchWorld(setup.db);
      await setup.close();
      const stats = postgres(dbUrl, { max: 1, onnotice: () => {} });
      try {
        const before = await indexScans(stats, index);
        const app = await openDb({ url: dbUrl, migrate: false });
        const shown = (await app.db.execute(sql`show plan_cache_mode`)) as unknown as Array<{ plan_cache_mode: string }>;
        expect(shown[0].plan_cache_mode).toBe("force_generic_plan");
        await query(app.db, world);
        await app.close();
        let after = before;
        for (let tries = 0; tries < 50 && after === before; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          after = await indexScans(stats, index);
        }
        expect(after, `${index} was not used by its query's generic plan: write its predicate as literals, not parameters`).toBeGreaterThan(before);
      } finally {
        await stats.end();
      }
    });
  });
});

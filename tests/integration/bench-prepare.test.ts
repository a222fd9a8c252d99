import { and, asc, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { bins, inspections, itemEvents, items, outboxEvents, pickLists } from "@/db/schema";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";
import { preparePickUnits, prepareUnits, type PrepareState } from "@/scripts/bench/prepare";
import { freshPostgres } from "../http/next-server";
import { dispatchWorld, type DispatchWorld } from "./dispatch-fixtures";

/**
 * The benchmark's units (scripts/bench/prepare.ts) are written by raw SQL, outside the domain
 * functions: each is an item in the state asked for, with the history that state implies (item
 * events from the announcement on, outbox events from receiving on), and they break no invariant.
 * PostgreSQL only: the bench talks to PostgreSQL through postgres.js.
 */
const history: Record<PrepareState | "awaiting_pick", string[]> = {
  expected: ["announce"],
  received: ["announce", "receive"],
  in_inspection: ["announce", "receive", "claim"],
  awaiting_putaway: ["announce", "receive", "claim", "pass", "route_storage"],
  awaiting_pack: ["announce", "receive", "claim", "pass", "route_trade"],
  packed: ["announce", "receive", "claim", "pass", "route_trade", "pack"],
  awaiting_pick: ["announce", "receive", "claim", "pass", "route_storage", "putaway", "sell"],
};

describe.skipIf(!inject("pgServerUrl"))("bench units [postgres]", () => {
  let db: Awaited<ReturnType<typeof freshPostgres>>;
  let sql: postgres.Sql;
  let w: DispatchWorld;
  beforeAll(async () => {
    db = await freshPostgres();
    sql = postgres(db.url, { max: 2, onnotice: () => {} });
    w = await dispatchWorld(db.db);
  });
  afterAll(async () => {
    await sql?.end();
    if (db) {
      const report = await checkInvariants(db.db);
      await db.close();
      expect(report.breaches, formatInvariantReport(report)).toEqual([]);
    }
  });

  /** Each item's state, its item events' actions in order, and its outbox events' actions. */
  async function lives(itemIds: string[]) {
    const rows = await db.db.select().from(items).where(inArray(items.id, itemIds));
    return Promise.all(
      itemIds.map(async (id) => {
        const events = await db.db.select().from(itemEvents).where(eq(itemEvents.itemId, id)).orderBy(asc(itemEvents.id));
        const outbox = await db.db.select().from(outboxEvents).where(eq(outboxEvents.itemId, id)).orderBy(asc(outboxEvents.id));
        const steps = events.map((e) => `${e.fromState ?? "-"}>${e.toState}`);
        return { state: rows.find((r) => r.id === id)!.state, events: events.map((e) => e.action).sort(), outbox: outbox.map((o) => o.type).sort(), steps };
      }),
    );
  }

  /** Where the item events lead when followed from the announcement (each starts where the last ended); null when they do not chain. */
  function endOf(steps: string[]): string | null {
    let at = "-";
    const rest = [...steps];
    while (rest.length > 0) {
      const next = rest.findIndex((s) => s.startsWith(`${at}>`));
      if (next < 0) return null;
      at = rest.splice(next, 1)[0].split(">")[1];
    }
    return at;
  }

  const states = ["expected", "received", "in_inspection", "awaiting_putaway", "awaiting_pack", "packed"] as const;
  it.each(states)("%s: the state and the history it implies", async (state) => {
    const units = await prepareUnits(sql, { centerId: w.center.id, state, owners: [w.inspector.id, w.operator.id] });
    expect(units).toHaveLength(2);
    for (const life of await lives(units.map((u) => u.itemId))) {
      expect(life.state).toBe(state);
      expect(life.events).toEqual([...history[state]].sort());
      expect(life.outbox).toEqual(history[state].filter((a) => a !== "announce").map((a) => `item.${a}`).sort());
      expect(endOf(life.steps)).toBe(state);
    }
    expect(units.every((u) => (state === "expected" ? u.itemCode === null : typeof u.itemCode === "string"))).toBe(true);
    expect(units.every((u) => (state === "in_inspection" ? u.inspectionId !== null : u.inspectionId === null))).toBe(true);
    if (state === "in_inspection") {
      const open = await db.db.select().from(inspections).where(inArray(inspections.id, units.map((u) => u.inspectionId!)));
      expect(open.map((i) => [i.status, i.inspectorId])).toEqual(expect.arrayContaining([["open", w.inspector.id], ["open", w.operator.id]]));
    }
    if (state === "packed") expect(units.every((u) => u.trackingNumber && u.manifestId)).toBe(true);
  });

  it("awaiting_pick: a sold storage item in its bin, on a pick list its picker holds", async () => {
    const units = await preparePickUnits(sql, { centerId: w.center.id, owners: [w.operator.id, w.operator2.id] });
    expect(units).toHaveLength(2);
    for (const life of await lives(units.map((u) => u.itemId))) {
      expect(life.state).toBe("awaiting_pick");
      expect(endOf(life.steps)).toBe("awaiting_pick");
      expect(life.events).toEqual([...history.awaiting_pick].sort());
      expect(life.outbox).toEqual(history.awaiting_pick.filter((a) => a !== "announce").map((a) => `item.${a}`).sort());
    }
    const lists = await db.db.select().from(pickLists).where(inArray(pickLists.id, units.map((u) => u.pickListId)));
    expect(lists.map((l) => [l.status, l.claimedBy]).sort()).toEqual([["claimed", w.operator.id], ["claimed", w.operator2.id]].sort());
    const used = await db.db.select().from(bins).where(and(eq(bins.centerId, w.center.id), inArray(bins.code, units.map((u) => u.binCode))));
    expect(used.every((b) => b.occupied === 1)).toBe(true);
  });
});

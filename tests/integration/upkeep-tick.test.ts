import { and, eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { items, rollupDeltas } from "@/db/schema";
import { countItemsByState, countItemsByStateFromItems } from "@/lib/desk/dashboard-queries";
import { foldAndSweep, upkeepTick } from "@/lib/rollups/fold-loop";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems } from "../helpers/fixtures";
import { claimedItem, ctxOf, inspectionCenter } from "./inspection-fixtures";

const deltasLeft = async (db: Db) => (await db.select({ id: rollupDeltas.id }).from(rollupDeltas)).length;

/**
 * `pairs` deltas of +1 and -1 on one of the center's real counts: they change no figure, so the
 * rollups stay equal to the base tables whatever is folded (the suite's invariant check says so).
 */
async function pileOfDeltas(db: Db, centerId: string, pairs: number) {
  await db.execute(sql`
    insert into rollup_deltas (center_id, figure, period, label, n)
    select ${centerId}::uuid, 'items_in_state', '1970-01-01 00:00:00+00', 'received', case when g % 2 = 0 then 1 else -1 end
    from generate_series(1, ${pairs * 2}) g`);
}

describeEachDb("the periodic upkeep: one tick does a bounded amount of work", (use) => {
  it("a tick folds at most foldBatch × foldBatches deltas, the next tick the rest, and the counts stay exact", async () => {
    const db = use();
    const { center } = await inspectionCenter(db);
    await createOrderWithItems(db, center.id, ["received", "received", "stored"]);
    await pileOfDeltas(db, center.id, upkeepTick.foldBatch);
    const waiting = await deltasLeft(db);
    const perTick = upkeepTick.foldBatch * upkeepTick.foldBatches;
    expect(waiting).toBeGreaterThan(perTick);

    const folded: number[] = [];
    expect(await foldAndSweep(db, { onFold: (n) => folded.push(n), onError: (e) => expect.fail(String(e)) })).toBe(true);
    expect(folded).toEqual([perTick]);
    expect(await deltasLeft(db)).toBe(waiting - perTick);
    // Readers sum the folded counts and the deltas still waiting: right between ticks too.
    expect(await countItemsByState(db, center.id)).toEqual(await countItemsByStateFromItems(db, center.id));

    await foldAndSweep(db, { onFold: (n) => folded.push(n) });
    expect(folded).toEqual([perTick, waiting - perTick]);
    expect(await deltasLeft(db)).toBe(0);
    expect(await countItemsByState(db, center.id)).toEqual(await countItemsByStateFromItems(db, center.id));
  }, 60_000);

  it("a tick releases at most `releases` timed-out claims over all centers, the oldest of each center first; the next tick the rest", async () => {
    const db = use();
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const lapsed: string[] = [];
    for (let center = 0; center < 2; center++) {
      const c = await inspectionCenter(db, { claimTimeoutMinutes: 30 });
      for (let i = 0; i < 4; i++) lapsed.push((await claimedItem(db, ctxOf(i % 2 ? c.inspector : c.inspector2), {}, new Date(hourAgo.getTime() + i * 1000))).item.id);
      // A claim within its time stays.
      await claimedItem(db, ctxOf(c.inspector), {});
    }
    const countOf = async () =>
      (await db.select({ id: items.id }).from(items).where(and(inArray(items.id, lapsed), eq(items.state, "in_inspection")))).length;

    expect(await countOf()).toBe(8);
    await foldAndSweep(db, {});
    expect(await countOf()).toBe(8 - upkeepTick.releases);
    await foldAndSweep(db, {});
    expect(await countOf()).toBe(0);
  }, 60_000);

  it("a second tick on the same database while one runs (the relay loop beside the fold loop) does nothing and says so", async () => {
    const db = use();
    const { center } = await inspectionCenter(db);
    await pileOfDeltas(db, center.id, 10);
    const folded: number[] = [];
    const [a, b] = await Promise.all([foldAndSweep(db, { onFold: (n) => folded.push(n) }), foldAndSweep(db, { onFold: (n) => folded.push(n) })]);
    expect([a, b]).toEqual([true, false]);
    expect(folded).toHaveLength(1);
    expect(await foldAndSweep(db, {})).toBe(true);
  }, 60_000);
});

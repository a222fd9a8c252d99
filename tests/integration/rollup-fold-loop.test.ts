import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rollupDeltas } from "@/db/schema";
import { runRelayLoop } from "@/lib/api/relay-loop";
import { countItemsByState, countItemsByStateFromItems } from "@/lib/desk/dashboard-queries";
import { runFoldLoop } from "@/lib/rollups/fold-loop";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems } from "../helpers/fixtures";

describeEachDb("the app's own rollup fold loop", (use) => {
  it("folds every delta while it runs, two loops at once fold each delta once, and both stop when aborted", async () => {
    const db = use();
    const center = await createCenter(db);
    await createOrderWithItems(db, center.id, ["received", "received", "stored", "passed"]);
    const before = (await db.select().from(rollupDeltas)).length;
    expect(before).toBeGreaterThan(0);

    const stop = new AbortController();
    const folded = [0, 0];
    const errors: unknown[] = [];
    const loops = [0, 1].map((n) =>
      runFoldLoop(async () => db, { signal: stop.signal, intervalMs: 20, onFold: (k) => (folded[n] += k), onError: (e) => errors.push(e) }),
    );
    const deadline = Date.now() + 20_000;
    while ((await db.select().from(rollupDeltas)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    // Deltas written while the loops run are folded too.
    await createOrderWithItems(db, center.id, ["received"]);
    while ((await db.select().from(rollupDeltas)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    stop.abort();
    await Promise.all(loops);

    expect(errors).toEqual([]);
    expect(await db.select().from(rollupDeltas)).toEqual([]);
    expect(folded[0] + folded[1]).toBeGreaterThan(before);
    expect(await countItemsByState(db, center.id)).toEqual(await countItemsByStateFromItems(db, center.id));
    expect((await countItemsByState(db, center.id)).received).toBe(3);
  });
});

describeEachDb("the fold loops given no callbacks (as the app and `npm run relay` start them)", (use) => {
  // An optional call skips its arguments when the callee is missing: the loops once folded only when
  // given an onFold. These get only a signal.
  it("runFoldLoop folds", async () => {
    const db = use();
    const center = await createCenter(db);
    await createOrderWithItems(db, center.id, ["received", "stored"]);
    const stop = new AbortController();
    const loop = runFoldLoop(async () => db, { signal: stop.signal, intervalMs: 20 });
    expect(await untilNoDeltas(db)).toBe(0);
    stop.abort();
    await loop;
    expect(await countItemsByState(db, center.id)).toEqual(await countItemsByStateFromItems(db, center.id));
  });

  it("runRelayLoop folds", async () => {
    const db = use();
    const center = await createCenter(db);
    await createOrderWithItems(db, center.id, ["received", "passed"]);
    const stop = new AbortController();
    const loop = runRelayLoop(db, { signal: stop.signal, intervalMs: 20 });
    expect(await untilNoDeltas(db)).toBe(0);
    stop.abort();
    await loop;
    expect(await countItemsByState(db, center.id)).toEqual(await countItemsByStateFromItems(db, center.id));
  });
});

async function untilNoDeltas(db: Db): Promise<number> {
  const left = async () => (await db.select().from(rollupDeltas)).length;
  const deadline = Date.now() + 20_000;
  while ((await left()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return left();
}

import { expect, it } from "vitest";
import { applyTransition } from "@/lib/items/apply-transition";
import { countItemsByState, countItemsByStateFromItems } from "@/lib/desk/dashboard-queries";
import { movesByHourFromEvents } from "@/lib/desk/dashboard-figures";
import { movesByHour } from "@/lib/desk/dashboard-rollups";
import { checkInvariants } from "@/lib/invariants/check-invariants";
import { foldRollups } from "@/lib/rollups/fold-rollups";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";

const stations = 20;
const itemsPerStation = 6;

describeEachDb("desk rollups under concurrent transitions of one center", (use) => {
  it("lose no count, never deadlock, and equal the base tables, with folds running alongside", async () => {
    const db = use();
    const center = await createCenter(db);
    const user = await createUser(db, center.id, "inspector");
    const started = new Date(Date.now() - 1000);
    const verdicts = ["pass", "fail", "hold", "quarantine"] as const;
    let folding = true;
    const folder = (async () => {
      let folded = 0;
      while (folding) {
        folded += await foldRollups(db);
        await new Promise((r) => setTimeout(r, 5));
      }
      return folded;
    })();
    // Every station receives its items (a new order each), claims each and gives a verdict: every
    // transaction moves two state counts of the same center and adds a move, all at once.
    const results = await Promise.allSettled(
      Array.from({ length: stations }, async (_, s) => {
        const made = await createOrderWithItems(db, center.id, Array.from({ length: itemsPerStation }, () => "received" as const));
        for (const [i, item] of made.entries()) {
          const actor = { userId: user.id, station: `S${s}` };
          await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "claim", actor, centerId: center.id }));
          await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: verdicts[(s + i) % 4], actor, centerId: center.id }));
        }
      }),
    );
    folding = false;
    await folder;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const total = stations * itemsPerStation;
    const counts = await countItemsByState(db, center.id);
    expect(counts).toEqual(await countItemsByStateFromItems(db, center.id));
    expect(counts.passed + counts.failed + counts.held + counts.quarantined).toBe(total);
    expect(counts.received + counts.in_inspection).toBe(0);
    const to = new Date(Date.now() + 1000);
    const moves = await movesByHour(db, center.id, center.timezone, started, to);
    expect(moves).toEqual(await movesByHourFromEvents(db, center.id, center.timezone, started, to));
    expect(moves.reduce((n, h) => n + h.inspected, 0)).toBe(total);
    expect((await checkInvariants(db, { centerIds: [center.id] })).breaches).toEqual([]);
    await foldRollups(db);
    expect(await countItemsByState(db, center.id)).toEqual(counts);
  }, 180_000);
});

import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { itemEvents, items, itemStates, outboxEvents } from "@/db/schema";
import { applyTransition, lockItemRow } from "@/lib/items/apply-transition";
import { entersQueue } from "@/lib/items/queue-entry";
import { itemActions, planTransition } from "@/lib/items/transitions";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";

describeEachDb("applyTransition", (use) => {
  let centerId: string;
  let userId: string;
  beforeAll(async () => {
    const center = await createCenter(use());
    centerId = center.id;
    userId = (await createUser(use(), centerId, "operator")).id;
  });

  it("applies every state × action pair on real rows: allowed ones move with audit and outbox, refused ones change nothing", async () => {
    const db = use();
    for (const type of ["trade", "storage"] as const) {
      const all = await createOrderWithItems(db, centerId, itemStates.flatMap((s) => itemActions.map(() => s)), { type });
      let i = 0;
      for (const state of itemStates) {
        for (const action of itemActions) {
          const item = all[i++];
          const plan = planTransition({ state, type }, action);
          const attempt = db.transaction((tx) => applyTransition(tx, { itemId: item.id, action, actor: { userId, station: "T1" }, centerId }));
          if (plan.ok) {
            const { item: moved } = await attempt;
            expect(moved.state).toBe(plan.rule.to);
            expect(moved.version).toBe(item.version + 1);
            // Entering a queue the desk watches stamps when; any other move leaves the stamp alone.
            if (entersQueue(action)) expect(moved.queueEnteredAt).toEqual(moved.updatedAt);
            else expect(moved.queueEnteredAt).toBeNull();
            const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, item.id));
            expect(events).toMatchObject([{ action, fromState: state, toState: plan.rule.to, actorUserId: userId, station: "T1" }]);
            const outbox = await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, item.id));
            expect(outbox).toMatchObject([{ type: `item.${action}`, payload: { from: state, to: plan.rule.to } }]);
          } else {
            await expect(attempt).rejects.toMatchObject({ code: plan.code });
            const [after] = await db.select().from(items).where(eq(items.id, item.id));
            expect(after.state).toBe(state);
            expect(after.version).toBe(item.version);
            expect(await db.select().from(itemEvents).where(eq(itemEvents.itemId, item.id))).toHaveLength(0);
            expect(await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, item.id))).toHaveLength(0);
          }
        }
      }
    }
  }, 120_000); // hundreds of real transactions: generous on a loaded machine

  it("refuses a stale version and an item of another center", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, centerId, ["received"]);
    await expect(
      db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "claim", actor: {}, expectedVersion: 5 })),
    ).rejects.toMatchObject({ code: "conflict:item_version" });
    const other = await createCenter(db);
    await expect(
      db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "claim", actor: {}, centerId: other.id })),
    ).rejects.toMatchObject({ code: "not_found:item" });
  });

  it("a locked row handed in after the item changed in the same transaction changes nothing", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, centerId, ["received"]);
    const attempt = db.transaction(async (tx) => {
      const locked = await lockItemRow(tx, eq(items.id, item.id));
      await applyTransition(tx, { itemId: item.id, action: "claim", actor: { userId } });
      // Stale: still says "received", version as first read.
      await applyTransition(tx, { itemId: item.id, action: "claim", actor: { userId }, locked });
    });
    await expect(attempt).rejects.toThrow(/changed since it was locked/);
    const [after] = await db.select().from(items).where(eq(items.id, item.id));
    expect(after).toMatchObject({ state: "received", version: item.version });
    expect(await db.select().from(itemEvents).where(eq(itemEvents.itemId, item.id))).toHaveLength(0);
    expect(await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, item.id))).toHaveLength(0);
  });

  it("lets exactly one of many concurrent claims on one item win", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, centerId, ["received"]);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "claim", actor: { station: `S${n}` } })),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "conflict:item_state" });
    }
    const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, item.id));
    expect(events).toHaveLength(1);
  });
}, {
  // applyTransition alone, on items made in every state: a claim here opens no inspection and a
  // dispatch names no manifest (the callers in lib/inspection and lib/dispatch do that), so the
  // cross-table rules cannot hold; every other suite is checked.
  invariants: false,
});

import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { inboundOrders, items, quarantineActions, type Item } from "@/db/schema";
import type { ApiCaller } from "@/lib/api/api-clients";
import { reportSale } from "@/lib/orders/item-actions";
import { packItem } from "@/lib/dispatch/packing";
import { readPickQueue } from "@/lib/dispatch/pick-queue";
import { claimPickList, pickScan } from "@/lib/dispatch/picking";
import { decideQuarantine } from "@/lib/dispatch/quarantine";
import { applyTransition } from "@/lib/items/apply-transition";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems, createUser } from "../helpers/fixtures";
import { binOf, dispatchWorld, marketplaceCaller, eventsOf, freshCode, itemNow, storedItem, type DispatchWorld } from "./dispatch-fixtures";
import { ctxOf, jpegBytes, scan, tempPhotoStore } from "./inspection-fixtures";

/**
 * The transitions whose two-stations-at-once race no other suite covers: the same item packed at two
 * packing tables, the same item scanned twice on one pick list from two tablets, and two managers
 * deciding one counterfeit's fate. (Receive, claim, verdict, review, buyer decision, sale/withdrawal,
 * putaway, pick-list claim, manifest add and close race in their own suites.) Exactly one wins, the
 * loser is told why, and the item moved once: one event, one outbox row.
 */
describeEachDb("races from two stations at the same moment", (use) => {
  let w: DispatchWorld;
  let caller: ApiCaller;
  beforeAll(async () => {
    w = await dispatchWorld(use());
    caller = await marketplaceCaller(use(), w.center.id);
  });

  const oneWinner = <T>(results: PromiseSettledResult<T>[]) => {
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    return (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as { code: string };
  };

  it("packing: the same item at two packing tables is packed once, into one parcel", async () => {
    const db = use();
    for (let round = 0; round < 3; round++) {
      const [item] = await createOrderWithItems(db, w.center.id, ["passed"]);
      await db.update(items).set({ code: freshCode() }).where(eq(items.id, item.id));
      await db.update(inboundOrders).set({ buyer: { id: "B-1", name: "Lee Buyer", address: "Seoul" } }).where(eq(inboundOrders.id, item.orderId));
      await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "route_trade", actor: { userId: w.manager.id }, set: { destination: "buyer" } }));
      const results = await Promise.allSettled([
        packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" }),
        packItem(db, w.op2, { scanId: scan(), itemId: item.id, carrier: "CJ" }),
      ]);
      expect(oneWinner(results).code).toMatch(/^conflict:/);
      expect((await itemNow(db, item.id)).state).toBe("packed");
      const { outbox } = await eventsOf(db, item.id);
      expect(outbox.filter((e) => e.type === "item.pack")).toHaveLength(1);
    }
  });

  it("picking: one item scanned from two tablets of the same picker is picked once, and its bin count drops once", async () => {
    const db = use();
    const bin = w.bins[4];
    const item: Item = await storedItem(db, bin);
    await reportSale(db, caller, item.id, { buyer: { id: "B-2", name: "Kim Buyer", address: "Busan" } });
    const list = (await readPickQueue(db, w.op)).find((l) => l.status === "open" && l.lines >= 1)!;
    const claimed = (await claimPickList(db, w.op, { scanId: scan(), pickListId: list.id })).result;
    const line = claimed.lines.find((l) => l.itemId === item.id)!;
    await pickScan(db, w.op, { scanId: scan(), pickListId: list.id, code: line.binCode! });
    const occupied = (await binOf(db, bin.id)).occupied;
    const tablets = [{ ...w.op, station: "PICK-A" }, { ...w.op, station: "PICK-B" }];
    const results = await Promise.allSettled(tablets.map((ctx) => pickScan(db, ctx, { scanId: scan(), pickListId: list.id, code: item.code! })));
    expect(oneWinner(results).code).toMatch(/^conflict:/);
    expect((await itemNow(db, item.id)).state).toBe("awaiting_pack");
    expect((await binOf(db, bin.id)).occupied).toBe(occupied - 1);
    const { outbox } = await eventsOf(db, item.id);
    expect(outbox.filter((e) => e.type === "item.pick")).toHaveLength(1);
  });

  it("quarantine: two managers deciding one counterfeit at once — one decision stands, one record, one event", async () => {
    const db = use();
    const store = await tempPhotoStore();
    const manager2 = ctxOf(await createUser(db, w.center.id, "manager"), "DESK-2");
    const photo = [{ bytes: jpegBytes(), contentType: "image/jpeg" }];
    // Two decisions that cannot follow one another (keeping evidence may later be followed by a
    // return or a hand-over; those are a sequence, not a race).
    for (const decision of ["return_to_seller", "keep_as_evidence", "return_to_seller"] as const) {
      const [item] = await createOrderWithItems(db, w.center.id, ["quarantined"]);
      const results = await Promise.allSettled([
        decideQuarantine(db, store, w.mgr, { itemId: item.id, decision, reason: "police case 2291" }, photo),
        decideQuarantine(db, store, manager2, { itemId: item.id, decision, reason: "brand says genuine" }, photo),
      ]);
      expect(oneWinner(results).code).toMatch(/^conflict:/);
      expect(["kept_as_evidence", "awaiting_pack"]).toContain((await itemNow(db, item.id)).state);
      expect(await db.select().from(quarantineActions).where(eq(quarantineActions.itemId, item.id))).toHaveLength(1);
      const { outbox } = await eventsOf(db, item.id);
      expect(outbox).toHaveLength(outbox.some((e) => e.type === "item.keep_as_evidence") ? 1 : 2); // return = release, then route to packing
    }
  });
});

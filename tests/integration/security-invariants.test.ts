import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { bins, itemEvents, items, manifests, outboxEvents, shipments, zones } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed-demo";
import { checkInvariants, formatInvariantReport } from "@/lib/invariants/check-invariants";
import { applyTransition } from "@/lib/items/apply-transition";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems } from "../helpers/fixtures";

describeEachDb("invariant checker", (use) => {
  it("finds the demo data whole", async () => {
    await seedDemo(use());
    const report = await checkInvariants(use());
    expect(report.breaches, formatInvariantReport(report)).toEqual([]);
    expect(report.checked.length).toBeGreaterThanOrEqual(6);
  }, 120_000);

  async function walkedItem() {
    const db = use();
    const center = await createCenter(db);
    const [item] = await createOrderWithItems(db, center.id, ["expected"]);
    await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "receive", actor: {} }));
    return { db, center, item };
  }

  const breachedRules = async (centerId: string) => (await checkInvariants(use(), { centerIds: [centerId] })).breaches.map((b) => b.rule);

  it("reports a state that is not the last event's, a broken chain, a wrong version and a missing outbox event", async () => {
    const { db, center, item } = await walkedItem();
    await db.update(items).set({ state: "passed" }).where(eq(items.id, item.id));
    expect(await breachedRules(center.id)).toContain("item state equals its last transition's to_state");

    const second = await walkedItem();
    await second.db.insert(itemEvents).values({ itemId: second.item.id, centerId: second.center.id, action: "pack", fromState: "awaiting_pack", toState: "packed" });
    const rules = await breachedRules(second.center.id);
    expect(rules).toContain("event chain unbroken (each transition starts where the previous one ended)");
    expect(rules).toContain("version equals the number of transitions");
    expect(rules).toContain("one outbox event per transition");

    const third = await walkedItem();
    await third.db.delete(outboxEvents).where(eq(outboxEvents.itemId, third.item.id));
    expect(await breachedRules(third.center.id)).toEqual(["one outbox event per transition"]);
  });

  it("reports an item in inspection without its open inspection, and bins whose count is not their items", async () => {
    const db = use();
    const center = await createCenter(db);
    const [item] = await createOrderWithItems(db, center.id, ["received"]);
    await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "claim", actor: {} }));
    expect(await breachedRules(center.id)).toContain("an open inspection exactly for the items in inspection");

    const other = await createCenter(db);
    const [zone] = await db.insert(zones).values({ centerId: other.id, code: "A", name: "A" }).returning();
    const [bin] = await db.insert(bins).values({ centerId: other.id, zoneId: zone.id, code: "BIN-A-01-01-1", sizeClass: "S", capacity: 2, pickSequence: 1, occupied: 1 }).returning();
    expect(await breachedRules(other.id)).toEqual(["bin occupancy equals the items in the bin"]);
    await db.update(bins).set({ occupied: 3 }).where(eq(bins.id, bin.id));
    expect(await breachedRules(other.id)).toContain("no bin over capacity");
  });

  it("reports a dispatched item unless its shipment is dispatched on a closed manifest (from the tables, whatever the event says)", async () => {
    const db = use();
    const center = await createCenter(db);
    const [item] = await createOrderWithItems(db, center.id, ["packed"]);
    // A dispatch event with no manifest in its details: the rule reads the tables, not the event.
    await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "dispatch", actor: {} }));
    const rule = "every dispatched item is on a closed manifest";
    expect(await breachedRules(center.id)).toEqual([rule]);
    const [manifest] = await db.insert(manifests).values({ centerId: center.id, carrier: "CJ" }).returning();
    const party = { id: "S-1", name: "Kim", address: "Seoul" };
    const [shipment] = await db
      .insert(shipments)
      .values({ centerId: center.id, itemId: item.id, destination: "buyer", recipient: party, reason: "trade_passed", shipBy: new Date(), manifestId: manifest.id, status: "dispatched" })
      .returning();
    expect(await breachedRules(center.id)).toEqual([rule]); // manifest still open
    await db.update(manifests).set({ status: "closed" }).where(eq(manifests.id, manifest.id));
    await db.update(shipments).set({ status: "packed" }).where(eq(shipments.id, shipment.id));
    expect(await breachedRules(center.id)).toEqual([rule]); // shipment not dispatched
    await db.update(shipments).set({ status: "dispatched" }).where(eq(shipments.id, shipment.id));
    expect(await breachedRules(center.id)).toEqual([]);
  });
}, { invariants: false });

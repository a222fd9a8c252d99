import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { inspections, itemEvents, items, outboxEvents, type Item } from "@/db/schema";
import { reportSale, reportWithdrawal } from "@/lib/orders/item-actions";
import { reportBuyerDecision } from "@/lib/orders/report-buyer-decision";
import { itemResponseSchema } from "@/lib/api/schemas";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems, createUser } from "../helpers/fixtures";
import { setUpApiWorld } from "./api-helpers";

const buyer = { id: "B-77", name: "Park Buyer", address: "1 Gangnam-daero, Seoul", phone: "+82-10-0000-0000" };

describeEachDb("API item calls", (use) => {
  let world: Awaited<ReturnType<typeof setUpApiWorld>>;
  let inspectorId: string;
  beforeAll(async () => {
    world = await setUpApiWorld(use());
    inspectorId = (await createUser(use(), world.a.id, "inspector")).id;
  });

  const stateOf = async (id: string) => (await use().select().from(items).where(eq(items.id, id)))[0];
  const outboxOf = (id: string) => use().select().from(outboxEvents).where(eq(outboxEvents.itemId, id));

  /** A trade item held after a pass_minor_defect verdict, waiting for the buyer. */
  async function heldForBuyer(): Promise<Item> {
    const [item] = await createOrderWithItems(use(), world.a.id, ["held"], { type: "trade" });
    await use().insert(inspections).values({ itemId: item.id, centerId: world.a.id, inspectorId, status: "done", verdict: "pass_minor_defect", submittedAt: new Date() });
    await use().update(items).set({ defectNote: "box corner crushed" }).where(eq(items.id, item.id));
    return item;
  }

  it("reports a sale of a stored item: awaiting pick, buyer and destination set, event sent", async () => {
    const [item] = await createOrderWithItems(use(), world.a.id, ["stored"], { type: "storage" });
    const answer = await reportSale(use(), world.callerA, item.id, { buyer, saleId: "SALE-1" });
    expect(itemResponseSchema.parse(answer)).toEqual(answer);
    expect(answer.item).toMatchObject({ id: item.id, state: "awaiting_pick", destination: "buyer" });
    expect(await stateOf(item.id)).toMatchObject({ state: "awaiting_pick", destination: "buyer", saleBuyer: buyer });
    const events = await outboxOf(item.id);
    expect(events).toMatchObject([{ type: "item.sell", payload: { from: "stored", to: "awaiting_pick", saleId: "SALE-1", buyer } }]);
    const [audit] = await use().select().from(itemEvents).where(eq(itemEvents.itemId, item.id));
    expect(audit).toMatchObject({ action: "sell", actorApiClientId: world.callerA.id });
  });

  it("finds an item by its label code as well as its id", async () => {
    const [item] = await createOrderWithItems(use(), world.a.id, ["stored"], { type: "storage" });
    const answer = await reportWithdrawal(use(), world.callerA, item.code!.toLowerCase(), { withdrawalId: "WD-1" });
    expect(answer.item).toMatchObject({ id: item.id, state: "awaiting_pick", destination: "seller" });
  });

  it("answers a repeated sale (retry) with the item and changes nothing twice; another sale is 409", async () => {
    const [item] = await createOrderWithItems(use(), world.a.id, ["stored"], { type: "storage" });
    await reportSale(use(), world.callerA, item.id, { buyer, saleId: "SALE-2" });
    const again = await reportSale(use(), world.callerA, item.id, { saleId: "SALE-2", buyer });
    expect(again.item.state).toBe("awaiting_pick");
    expect(await outboxOf(item.id)).toHaveLength(1);
    await expect(reportSale(use(), world.callerA, item.id, { buyer: { ...buyer, id: "B-OTHER" }, saleId: "SALE-3" })).rejects.toMatchObject({
      code: "conflict:already_reported",
    });
    await expect(reportWithdrawal(use(), world.callerA, item.id, {})).rejects.toMatchObject({ code: "conflict:item_state" });
    expect(await outboxOf(item.id)).toHaveLength(1);
  });

  it("lets exactly one of a sale and a withdrawal arriving at once win", async () => {
    const [item] = await createOrderWithItems(use(), world.a.id, ["stored"], { type: "storage" });
    const results = await Promise.allSettled([
      reportSale(use(), world.callerA, item.id, { buyer }),
      reportWithdrawal(use(), world.callerA, item.id, {}),
      reportSale(use(), world.callerA, item.id, { buyer: { ...buyer, id: "B-2" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason.code).toMatch(/^conflict:/);
    expect(await outboxOf(item.id)).toHaveLength(1);
  });

  it("refuses a sale of an item that is not stored, or not a storage item (409), and changes nothing", async () => {
    const [notStored] = await createOrderWithItems(use(), world.a.id, ["received"], { type: "storage" });
    await expect(reportSale(use(), world.callerA, notStored.id, { buyer })).rejects.toMatchObject({ code: "conflict:item_state" });
    const [trade] = await createOrderWithItems(use(), world.a.id, ["stored"], { type: "trade" });
    await expect(reportWithdrawal(use(), world.callerA, trade.id, {})).rejects.toMatchObject({ code: "conflict:item_type" });
    expect((await stateOf(notStored.id)).state).toBe("received");
    expect((await stateOf(trade.id)).state).toBe("stored");
  });

  it("hides other centers' items (404) and unknown ones, and changes nothing", async () => {
    const [item] = await createOrderWithItems(use(), world.a.id, ["stored"], { type: "storage" });
    await expect(reportSale(use(), world.callerB, item.id, { buyer })).rejects.toMatchObject({ code: "not_found:item" });
    await expect(reportWithdrawal(use(), world.callerB, item.code!, {})).rejects.toMatchObject({ code: "not_found:item" });
    await expect(reportSale(use(), world.callerA, "ITNOTHING0000", { buyer })).rejects.toMatchObject({ code: "not_found:item" });
    expect((await stateOf(item.id)).state).toBe("stored");
  });

  it("accepts a held minor-defect item for the buyer: passed and routed to packing for the buyer", async () => {
    const item = await heldForBuyer();
    const answer = await reportBuyerDecision(use(), world.callerA, item.id, { decision: "accept" });
    expect(answer.item).toMatchObject({ state: "awaiting_pack", destination: "buyer", defectNote: "box corner crushed" });
    const events = await outboxOf(item.id);
    expect(events.map((e) => e.type)).toEqual(["item.pass", "item.route_trade"]);
    // A retry of the same decision answers the item; the other decision is refused.
    expect((await reportBuyerDecision(use(), world.callerA, item.id, { decision: "accept" })).item.state).toBe("awaiting_pack");
    await expect(reportBuyerDecision(use(), world.callerA, item.id, { decision: "refuse" })).rejects.toMatchObject({ code: /^conflict:/ });
    expect(await outboxOf(item.id)).toHaveLength(2);
  });

  it("refuses for the buyer: failed and routed back to the seller", async () => {
    const item = await heldForBuyer();
    const answer = await reportBuyerDecision(use(), world.callerA, item.code!, { decision: "refuse" });
    expect(answer.item).toMatchObject({ state: "awaiting_pack", destination: "seller" });
    expect((await outboxOf(item.id)).map((e) => e.type)).toEqual(["item.fail", "item.route_return"]);
  });

  it("refuses a buyer decision for an item not waiting for one (under senior review, or stored)", async () => {
    const [review] = await createOrderWithItems(use(), world.a.id, ["held"], { type: "trade" });
    await use().insert(inspections).values({ itemId: review.id, centerId: world.a.id, inspectorId, status: "awaiting_review", verdict: "fail_counterfeit" });
    await expect(reportBuyerDecision(use(), world.callerA, review.id, { decision: "accept" })).rejects.toMatchObject({ code: /^conflict:/ });
    const [stored] = await createOrderWithItems(use(), world.a.id, ["stored"], { type: "storage" });
    await expect(reportBuyerDecision(use(), world.callerA, stored.id, { decision: "refuse" })).rejects.toMatchObject({ code: /^conflict:/ });
    expect((await stateOf(review.id)).state).toBe("held");
    expect(await outboxOf(review.id)).toHaveLength(0);
    const other = await heldForBuyer();
    await expect(reportBuyerDecision(use(), world.callerB, other.id, { decision: "accept" })).rejects.toMatchObject({ code: "not_found:item" });
  });

  it("lets exactly one of two opposite buyer decisions arriving at once win", async () => {
    const item = await heldForBuyer();
    const results = await Promise.allSettled([
      reportBuyerDecision(use(), world.callerA, item.id, { decision: "accept" }),
      reportBuyerDecision(use(), world.callerA, item.id, { decision: "refuse" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await outboxOf(item.id)).toHaveLength(2);
  });
});

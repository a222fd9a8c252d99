import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { inboundOrders, items, shipments, type Item } from "@/db/schema";
import type { ApiCaller } from "@/lib/api/api-clients";
import { reportSale, reportWithdrawal } from "@/lib/orders/item-actions";
import { addParcelToManifest, closeManifest, openManifest } from "@/lib/dispatch/manifests";
import { lookupPackItem, packItem } from "@/lib/dispatch/packing";
import { decideQuarantine } from "@/lib/dispatch/quarantine";
import { applyBuyerDecision } from "@/lib/inspection/buyer-decision";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { applyTransition } from "@/lib/items/apply-transition";
import { returnFlaggedUnit } from "@/lib/receiving/receive-unexpected-unit";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems } from "../helpers/fixtures";
import { activeShipment, binOf, dispatchWorld, marketplaceCaller, eventsOf, freshCode, itemNow, pickOne, storedItem, type DispatchWorld } from "./dispatch-fixtures";
import { addJpeg, claimedItem, ctxOf, jpegBytes, scan, tempPhotoStore } from "./inspection-fixtures";

describeEachDb("dispatch: every kind of shipment, end to end", (use) => {
  let w: DispatchWorld;
  let caller: ApiCaller;
  let store: Awaited<ReturnType<typeof tempPhotoStore>>;
  beforeAll(async () => {
    w = await dispatchWorld(use());
    caller = await marketplaceCaller(use(), w.center.id);
    store = await tempPhotoStore();
  });

  /** Packs (number issued by the CJ range), puts on a manifest, closes it; checks every step. */
  async function shipIt(item: Item) {
    const db = use();
    const view = await lookupPackItem(db, w.op, (await itemNow(db, item.id)).code!);
    const packed = (await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" })).result;
    expect(packed.issued).toBe(true);
    expect(packed.trackingNumber).toMatch(/^6890\d{8}$/);
    expect(await itemNow(db, item.id)).toMatchObject({ state: "packed" });
    const manifest = (await openManifest(db, w.op, { scanId: scan(), carrier: "CJ" })).result;
    await addParcelToManifest(db, w.op, { scanId: scan(), manifestId: manifest.id, trackingNumber: packed.trackingNumber });
    const closed = (await closeManifest(db, w.op, { scanId: scan(), manifestId: manifest.id })).result;
    expect(closed).toMatchObject({ dispatched: 1, manifest: { status: "closed", itemCount: 1, parcels: [{ trackingNumber: packed.trackingNumber }] } });
    expect(await itemNow(db, item.id)).toMatchObject({ state: "dispatched" });
    const [s] = await db.select().from(shipments).where(eq(shipments.itemId, item.id));
    expect(s).toMatchObject({ status: "dispatched", carrier: "CJ", trackingNumber: packed.trackingNumber, manifestId: manifest.id });
    const { outbox } = await eventsOf(db, item.id);
    expect(outbox.at(-1)).toMatchObject({ type: "item.dispatch", payload: { trackingNumber: packed.trackingNumber, carrier: "CJ", to: "dispatched" } });
    expect(outbox.at(-2)).toMatchObject({ type: "item.pack", payload: { trackingNumber: packed.trackingNumber } });
    return view.shipment;
  }

  const hoursUntil = (iso: string) => (new Date(iso).getTime() - Date.now()) / 3_600_000;

  it("a passed trade item ships to its buyer within a day", async () => {
    const db = use();
    const { item, inspectionId } = await claimedItem(db, ctxOf(w.inspector), { type: "trade" });
    await submitVerdict(db, ctxOf(w.inspector), { scanId: scan(), inspectionId, verdict: "pass", reasonCodes: [] });
    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, item.orderId));
    const view = await shipIt(item);
    expect(view).toMatchObject({ destination: "buyer", reason: "trade_passed", recipient: order.buyer!, resultSheet: null });
    expect(hoursUntil(view.shipBy)).toBeGreaterThan(23);
    expect(hoursUntil(view.shipBy)).toBeLessThanOrEqual(24);
  });

  it("a sold storage item is picked from its bin and ships the same day to the sale's buyer", async () => {
    const db = use();
    const bin = w.bins[0];
    const item = await storedItem(db, bin);
    const before = (await binOf(db, bin.id)).occupied;
    const buyer = { id: "B-77", name: "윤서아", address: "부산광역시 해운대구 센텀중앙로 79" };
    await reportSale(db, caller, item.id, { buyer });
    expect(await activeShipment(db, item.id)).toMatchObject({ status: "open", destination: "buyer", reason: "storage_sold", recipient: buyer });
    await pickOne(db, w.op2, item);
    expect(await itemNow(db, item.id)).toMatchObject({ state: "awaiting_pack", binId: null });
    expect((await binOf(db, bin.id)).occupied).toBe(before - 1);
    const view = await shipIt(item);
    expect(view).toMatchObject({ reason: "storage_sold", destination: "buyer" });
    expect(hoursUntil(view.shipBy)).toBeLessThanOrEqual(12);
  });

  it("a withdrawn storage item goes back to its seller", async () => {
    const db = use();
    const seller = { id: "S-5", name: "홍길동", address: "서울특별시 종로구 세종대로 1" };
    const item = await storedItem(db, w.bins[1], seller);
    await reportWithdrawal(db, caller, item.id, {});
    await pickOne(db, w.op2, item);
    const view = await shipIt(item);
    expect(view).toMatchObject({ destination: "seller", reason: "withdrawn", recipient: seller });
  });

  it("a failed item goes back to its seller with the inspection result sheet", async () => {
    const db = use();
    const ctx = ctxOf(w.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx, { type: "trade" });
    await addJpeg(db, store, ctx, inspectionId);
    await addJpeg(db, store, ctx, inspectionId);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "fail_used", reasonCodes: ["USED_SOLE"], note: "worn outsole" });
    const view = await shipIt(item);
    expect(view).toMatchObject({
      destination: "seller",
      reason: "inspection_failed",
      reasonDetails: { verdict: "fail_used", reasonCodes: ["USED_SOLE"], penaltyRate: 0.15 },
      resultSheet: { verdict: "fail_used", photoCount: 2, note: "worn outsole", reasons: [{ code: "USED_SOLE" }] },
    });
    expect(hoursUntil(view.shipBy)).toBeGreaterThan(48);
  });

  it("a cancelled order's unit that arrived anyway goes back to the seller", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, w.center.id, ["cancelled"]);
    const actor = { userId: w.operator.id, station: "RCV-01" };
    await db.transaction(async (tx) => {
      await applyTransition(tx, { itemId: item.id, action: "receive", actor, set: { code: freshCode(), receivedAt: new Date(), returnToSeller: true }, details: { reason: "order_cancelled", returnToSeller: true } });
      await applyTransition(tx, { itemId: item.id, action: "route_return", actor, set: { destination: "seller" }, details: { destination: "seller", reason: "order_cancelled" } });
    });
    expect((await shipIt(item)).reason).toBe("order_cancelled");
  });

  it("an unexpected unit goes back to its seller once a manager says so", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, w.center.id, ["received"]);
    await db.update(items).set({ unexpected: true, returnToSeller: true }).where(eq(items.id, item.id));
    await returnFlaggedUnit(db, w.mgr, { itemId: item.id, note: "not announced" });
    expect((await shipIt(item)).reason).toBe("unexpected_unit");
  });

  it("a minor-defect item the buyer refused goes back to the seller", async () => {
    const db = use();
    const ctx = ctxOf(w.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx, { type: "trade" });
    await addJpeg(db, store, ctx, inspectionId);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass_minor_defect", reasonCodes: ["MINOR_MARK"] });
    await applyBuyerDecision(db, { apiClientId: caller.id }, { itemId: item.id, centerId: w.center.id, decision: "refuse" });
    const view = await shipIt(item);
    expect(view).toMatchObject({ destination: "seller", reason: "buyer_refused", reasonDetails: { buyerDecision: "refuse" } });
  });

  it("a counterfeit a manager returns from quarantine goes back to the seller with the manager's reason", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, w.center.id, ["quarantined"]);
    await decideQuarantine(db, store, w.mgr, { itemId: item.id, decision: "return_to_seller", reason: "brand declined; return under penalty" }, [
      { bytes: jpegBytes(), contentType: "image/jpeg" },
    ]);
    const view = await shipIt(item);
    expect(view).toMatchObject({ destination: "seller", reason: "counterfeit_returned", quarantineReason: "brand declined; return under penalty" });
    const { audit } = await eventsOf(db, item.id);
    expect(audit.map((e) => e.action)).toEqual(["release_quarantine", "route_return", "pack", "dispatch"]);
  });
});

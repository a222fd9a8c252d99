import { and, asc, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { inboundOrders, itemEvents, items, outboxEvents, parcels } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { closeParcel } from "@/lib/receiving/close-parcel";
import { generateItemCode, itemCodePattern } from "@/lib/scan-codes/item-code";
import { listInspectionQueue } from "@/lib/inspection/list-inspection-queue";
import { placeholderExternalId } from "@/lib/receiving/placeholder-order";
import { listUnexpectedUnits, receiveUnexpectedUnit, returnFlaggedUnit } from "@/lib/receiving/receive-unexpected-unit";
import { receiveUnit } from "@/lib/receiving/receive-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { listUnmatchedParcels, recordUnmatchedParcel, resolveUnmatchedParcel } from "@/lib/receiving/unmatched-parcels";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { createAnnouncedOrder, receivingDesk, scanId, staffContext } from "../helpers/receiving-fixtures";

describeEachDb("receiving: exceptions", (use) => {
  let ctx: StaffContext;
  let manager: StaffContext;
  beforeAll(async () => {
    ({ ctx, manager } = await receivingDesk(use()));
  });

  const scanned = async (trackingNumber: string) => (await scanParcel(use(), ctx, { scanId: scanId(), trackingNumber })).result;

  it("refuses the same unit twice, naming its code, and changes nothing", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const { parcel } = await scanned(order.trackingNumber!);
    const first = await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id });
    const code = first.result.unit.code!;
    await expect(receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id })).rejects.toMatchObject({
      code: "conflict:already_received",
      message: expect.stringContaining(`already received as ${code}`),
    });
    const [row] = await db.select().from(items).where(eq(items.id, units[0].id));
    expect(row).toMatchObject({ code, state: "received", version: 1 });
    expect(await db.select().from(itemEvents).where(eq(itemEvents.itemId, units[0].id))).toHaveLength(1);
  });

  it("lets exactly one of two stations receiving the same unit at the same moment succeed", async () => {
    const db = use();
    const other = await staffContext(db, ctx.centerId, "operator", "RCV-02");
    for (let round = 0; round < 3; round++) {
      const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
      const { parcel } = await scanned(order.trackingNumber!);
      const results = await Promise.allSettled([
        receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id }),
        receiveUnit(db, other, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toMatchObject({ code: "conflict:already_received" });
      const [row] = await db.select().from(items).where(eq(items.id, units[0].id));
      expect(row.code).toBe((won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof receiveUnit>>>).value.result.unit.code);
      expect(await db.select().from(itemEvents).where(eq(itemEvents.itemId, units[0].id))).toHaveLength(1);
      expect(await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, units[0].id))).toHaveLength(1);
    }
  });

  it("retries with another code when a generated code is already taken", async () => {
    const db = use();
    const a = await createAnnouncedOrder(db, ctx.centerId, { units: [{}, {}] });
    const { parcel } = await scanned(a.order.trackingNumber!);
    const taken = (await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: a.items[0].id })).result.unit.code!;
    const fresh = generateItemCode();
    const codes = [taken, taken, fresh];
    const result = await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: a.items[1].id }, () => codes.shift()!);
    expect(result.result.unit.code).toBe(fresh);
    expect(codes).toEqual([]);
    expect(await db.select().from(itemEvents).where(eq(itemEvents.itemId, a.items[1].id))).toHaveLength(1);
  });

  it("receives a cancelled order's unit, flags it and routes it to packing for return in one go", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    await db.update(items).set({ state: "cancelled" }).where(eq(items.id, units[0].id));
    await db.update(inboundOrders).set({ cancelledAt: new Date() }).where(eq(inboundOrders.id, order.id));
    const { parcel, orders } = await scanned(order.trackingNumber!);
    expect(orders[0]).toMatchObject({ cancelled: true, counts: { cancelled: 1, toReceive: 0 } });

    const answer = (await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id })).result;
    expect(answer.outcome).toBe("received_for_return");
    expect(answer.message).toMatch(/flagged for return to the seller/);
    expect(answer.unit).toMatchObject({ state: "awaiting_pack", returnToSeller: true });
    expect(answer.unit.code).toMatch(itemCodePattern);
    const [row] = await db.select().from(items).where(eq(items.id, units[0].id));
    expect(row).toMatchObject({ state: "awaiting_pack", destination: "seller", returnToSeller: true, parcelId: parcel.id });
    const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, units[0].id)).orderBy(asc(itemEvents.id));
    expect(events).toMatchObject([
      { action: "receive", fromState: "cancelled", toState: "received", station: "RCV-01", details: { reason: "order_cancelled", returnToSeller: true } },
      { action: "route_return", fromState: "received", toState: "awaiting_pack", details: { destination: "seller" } },
    ]);
    const outbox = await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, units[0].id)).orderBy(asc(outboxEvents.id));
    expect(outbox.map((e) => e.type)).toEqual(["item.receive", "item.route_return"]);
    // It never enters the inspection queue, and cannot be received again.
    expect((await listInspectionQueue(db, ctx.centerId, { limit: 500 })).map((e) => e.itemId)).not.toContain(units[0].id);
    await expect(receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id })).rejects.toMatchObject({
      code: "conflict:already_received",
    });
  });

  it("records fewer units than announced: missing units are audited once and stay expected", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}, {}, {}] });
    const { parcel } = await scanned(order.trackingNumber!);
    await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id });

    const closed = await closeParcel(db, ctx, { parcelId: parcel.id });
    expect(closed).toMatchObject({ outcome: "units_missing", received: 1, newlyRecorded: 2 });
    expect(closed.missing.map((u) => u.itemId).sort()).toEqual([units[1].id, units[2].id].sort());
    expect(closed.message).toMatch(/1 received, 2 missing/);
    for (const unit of units.slice(1)) {
      const [row] = await db.select().from(items).where(eq(items.id, unit.id));
      expect(row.state).toBe("expected");
      expect(await db.select().from(itemEvents).where(eq(itemEvents.itemId, unit.id))).toMatchObject([
        { action: "missing_at_receipt", fromState: "expected", toState: "expected", actorUserId: ctx.userId, details: { parcelId: parcel.id } },
      ]);
      expect(await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, unit.id))).toMatchObject([
        { type: "item.missing_at_receipt", payload: { orderExternalId: order.externalId } },
      ]);
    }
    // Closing again records nothing new.
    const again = await closeParcel(db, ctx, { parcelId: parcel.id });
    expect(again).toMatchObject({ outcome: "units_missing", newlyRecorded: 0 });
    expect(await db.select().from(itemEvents).where(inArray(itemEvents.itemId, [units[1].id, units[2].id]))).toHaveLength(2);
    // A missing unit can still be received later.
    await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[1].id });
    const [late] = await db.select().from(items).where(eq(items.id, units[1].id));
    expect(late.state).toBe("received");
  });

  it("closes a complete parcel without recording anything", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const { parcel } = await scanned(order.trackingNumber!);
    await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id });
    const closed = await closeParcel(db, ctx, { parcelId: parcel.id });
    expect(closed).toMatchObject({ outcome: "complete", received: 1, missing: [], newlyRecorded: 0 });
  });

  it("records an extra or different unit as unexpected on the parcel's order, flagged for a manager", async () => {
    const db = use();
    const { order } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const { parcel } = await scanned(order.trackingNumber!);
    const answer = (
      await receiveUnexpectedUnit(db, ctx, {
        scanId: scanId(),
        parcelId: parcel.id,
        sku: "dd1391-100",
        productName: "Nike Dunk Low (second pair)",
        size: "275",
        note: "Second pair in the box, not announced",
      })
    ).result;
    expect(answer.outcome).toBe("unexpected_received");
    expect(answer.orderExternalId).toBe(order.externalId);
    expect(answer.unit).toMatchObject({ state: "received", unexpected: true, returnToSeller: true, sku: "DD1391-100", category: "sneakers", brand: "Nike" });
    expect(answer.label).toMatchObject({ productName: "나이키 덩크 로우 레트로 화이트 블랙", productNameEn: "Nike Dunk Low Retro White Black" });
    const [row] = await db.select().from(items).where(eq(items.id, answer.unit.itemId));
    expect(row).toMatchObject({ orderId: order.id, parcelId: parcel.id, price: 0, type: "trade" });
    const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, row.id)).orderBy(asc(itemEvents.id));
    expect(events).toMatchObject([
      { action: "unexpected_unit_found", fromState: "expected", toState: "expected", details: { note: "Second pair in the box, not announced" } },
      { action: "receive", fromState: "expected", toState: "received", station: "RCV-01", details: { unexpected: true } },
    ]);
    // On the manager's list, not in the inspection queue; the announced counts are unchanged.
    expect((await listUnexpectedUnits(db, ctx.centerId)).map((u) => u.itemId)).toContain(row.id);
    expect((await listInspectionQueue(db, ctx.centerId, { limit: 500 })).map((e) => e.itemId)).not.toContain(row.id);
    const rescanned = await scanned(order.trackingNumber!);
    expect(rescanned.orders[0].counts).toMatchObject({ announced: 1, received: 0, unexpected: 1 });

    // The manager sends it back.
    await expect(returnFlaggedUnit(db, ctx, { itemId: row.id, note: "x" })).rejects.toMatchObject({ code: "forbidden:role" });
    // This order's seller was announced without an address: the manager gives it with the return.
    await expect(returnFlaggedUnit(db, manager, { itemId: row.id, note: "Seller sent a pair too many" })).rejects.toMatchObject({ code: "validation:return_address" });
    const returned = await returnFlaggedUnit(db, manager, { itemId: row.id, note: "Seller sent a pair too many", address: "12 Teheran-ro, Seoul" });
    expect(returned.state).toBe("awaiting_pack");
    expect((await listUnexpectedUnits(db, ctx.centerId)).map((u) => u.itemId)).not.toContain(row.id);
  });

  it("keeps an unmatched parcel's units on a stand-in order and moves them when the parcel is linked", async () => {
    const db = use();
    const tracking = uniq("LOTTE").toUpperCase();
    const first = await scanned(tracking);
    expect(first.outcome).toBe("unmatched");
    const extra = (
      await receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: first.parcel.id, productName: "Unknown hoodie", size: "L", note: "Only item in box" })
    ).result;
    expect(extra.orderExternalId).toBe(placeholderExternalId(first.parcel.id));
    expect(extra.unit).toMatchObject({ sku: "UNKNOWN", category: "unknown", state: "received" });
    expect(extra.label.productName).toBe("Unknown hoodie");

    await recordUnmatchedParcel(db, ctx, { parcelId: first.parcel.id, note: "No paperwork", photoKey: "parcels/abc.jpg" });
    const queue = await listUnmatchedParcels(db, ctx.centerId);
    expect(queue.find((p) => p.id === first.parcel.id)).toMatchObject({ note: "No paperwork", photoKey: "parcels/abc.jpg", unexpectedUnits: 1 });
    // The parcel's detail shows the stand-in order.
    const again = await scanned(tracking);
    expect(again.outcome).toBe("already_scanned");
    expect(again.orders).toMatchObject([{ placeholder: true, counts: { unexpected: 1 } }]);

    // The order is announced later: scanning the parcel again matches it and moves the unit.
    const { order } = await createAnnouncedOrder(db, ctx.centerId, { trackingNumber: tracking, type: "storage", units: [{}] });
    const now = await scanned(tracking);
    expect(now.outcome).toBe("now_matched");
    expect(now.parcel).toMatchObject({ status: "received", orderId: order.id });
    expect(now.orders.map((o) => o.id)).toEqual([order.id]);
    expect(now.orders[0].counts).toMatchObject({ announced: 1, unexpected: 1 });
    const [moved] = await db.select().from(items).where(eq(items.id, extra.unit.itemId));
    expect(moved).toMatchObject({ orderId: order.id, type: "storage", state: "received" });
    expect(await db.select().from(inboundOrders).where(eq(inboundOrders.externalId, placeholderExternalId(first.parcel.id)))).toEqual([]);
    expect(await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, moved.id), eq(itemEvents.action, "order_reassigned")))).toHaveLength(1);
    expect((await listUnmatchedParcels(db, ctx.centerId)).map((p) => p.id)).not.toContain(first.parcel.id);
  });

  it("lets a manager resolve an unmatched parcel by linking it to an order", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { trackingNumber: null, units: [{}] });
    const { parcel } = await scanned(uniq("EPOST"));
    await recordUnmatchedParcel(db, ctx, { parcelId: parcel.id, note: "Shoe box, seller name smudged" });
    await expect(resolveUnmatchedParcel(db, ctx, { parcelId: parcel.id, orderExternalId: order.externalId, note: "x" })).rejects.toMatchObject({
      code: "forbidden:role",
    });
    await expect(resolveUnmatchedParcel(db, manager, { parcelId: parcel.id, orderExternalId: "NO-SUCH-ORDER", note: "x" })).rejects.toMatchObject({
      code: "not_found:order",
    });
    const resolved = await resolveUnmatchedParcel(db, manager, { parcelId: parcel.id, orderExternalId: order.externalId, note: "Seller called: order 42" });
    expect(resolved.outcome).toBe("linked");
    expect(resolved.parcel).toMatchObject({
      status: "received",
      orderId: order.id,
      resolvedBy: manager.userId,
      note: "Shoe box, seller name smudged\nSeller called: order 42",
    });
    expect(resolved.parcel.resolvedAt).not.toBeNull();
    const linkEvents = await db.select().from(outboxEvents).where(eq(outboxEvents.type, "parcel.linked"));
    expect(linkEvents.find((e) => e.payload.parcelId === parcel.id)?.payload).toMatchObject({ how: "manager", byUserId: manager.userId });
    await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id });
    // Resolving twice is refused.
    await expect(resolveUnmatchedParcel(db, manager, { parcelId: parcel.id, note: "again" })).rejects.toMatchObject({ code: "conflict:parcel_state" });
  });

  it("lets a manager return an unmatched parcel to its sender, with the units recorded from it", async () => {
    const db = use();
    const { parcel } = await scanned(uniq("CU"));
    const extra = (await receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, productName: "Mystery bag", size: "OS", note: "Unknown" }))
      .result;
    // Its unit goes back with it: to the sender's address, read from the parcel's label.
    const resolved = await resolveUnmatchedParcel(db, manager, { parcelId: parcel.id, note: "Nobody claims it: return to sender", address: "서울특별시 중구 세종대로 110" });
    expect(resolved.outcome).toBe("returned");
    expect(resolved.parcel).toMatchObject({ status: "resolved", resolvedBy: manager.userId, note: "Nobody claims it: return to sender" });
    const [row] = await db.select().from(items).where(eq(items.id, extra.unit.itemId));
    expect(row).toMatchObject({ state: "awaiting_pack", destination: "seller" });
    const [event] = await db.select().from(outboxEvents).where(eq(outboxEvents.type, "parcel.returned_to_sender"));
    expect(event.payload).toMatchObject({ parcelId: parcel.id, unitsReturned: 1, byUserId: manager.userId });
    // Nothing more can be received into it; a rescan says what happened.
    await expect(
      receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, productName: "Another", size: "OS", note: "x" }),
    ).rejects.toMatchObject({ code: "conflict:parcel_resolved" });
    const again = await scanned(parcel.trackingNumber);
    expect(again).toMatchObject({ outcome: "already_scanned", parcel: { status: "resolved" } });
    expect(again.message).toMatch(/return to sender/);
    const [stored] = await db.select().from(parcels).where(eq(parcels.id, parcel.id));
    expect(stored.status).toBe("resolved");
  });

  it("refuses notes on parcels that are not unmatched, and empty notes", async () => {
    const db = use();
    const { order } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const { parcel } = await scanned(order.trackingNumber!);
    await expect(recordUnmatchedParcel(db, ctx, { parcelId: parcel.id, note: "hello" })).rejects.toMatchObject({ code: "conflict:parcel_state" });
    await expect(recordUnmatchedParcel(db, ctx, { parcelId: parcel.id })).rejects.toMatchObject({ code: "validation" });
  });
});

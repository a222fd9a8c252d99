import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { inboundOrders, itemEvents, items, outboxEvents, parcels, scanRequests } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { attachParcelToOrder } from "@/lib/receiving/attach-parcel";
import { itemCodePattern } from "@/lib/scan-codes/item-code";
import { receiveUnit } from "@/lib/receiving/receive-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { searchOrders } from "@/lib/receiving/search-orders";
import { describeEachDb } from "../helpers/databases";
import { createCenter, uniq } from "../helpers/fixtures";
import { createAnnouncedOrder, ensureProduct, scanId, staffContext } from "../helpers/receiving-fixtures";

describeEachDb("receiving: parcel to received units", (use) => {
  let ctx: StaffContext;
  beforeAll(async () => {
    const center = await createCenter(use());
    ctx = await staffContext(use(), center.id, "operator", "RCV-01");
    await ensureProduct(use());
  });

  it("receives an announced order from the parcel scan to labelled, received units with audit and outbox rows", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, {
      // Announced normalised (as the API stores it); scanned or typed as printed on the label.
      trackingNumber: "CJ55500001",
      units: [{}, { sku: "NOT-IN-CATALOGUE", productName: "Vintage Tee", category: "apparel", size: "M", price: 45_000 }],
    });

    const scan = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: " cj-5550-0001\r\n" });
    expect(scan.repeated).toBe(false);
    const { parcel, orders, outcome } = scan.result;
    expect(outcome).toBe("matched");
    expect(parcel).toMatchObject({ trackingNumber: "CJ55500001", status: "received", orderId: order.id, receivedBy: ctx.userId, station: "RCV-01" });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ externalId: order.externalId, counts: { announced: 2, received: 0, toReceive: 2 } });
    // Product data from the catalogue where the SKU is known.
    expect(orders[0].units[0]).toMatchObject({
      itemId: units[0].id,
      state: "expected",
      size: "260",
      price: 129_000,
      brand: "Nike",
      productNameEn: "Nike Dunk Low Retro White Black",
      imageUrl: "https://images.example/dd1391-100.jpg",
    });
    expect(orders[0].units[1]).toMatchObject({ itemId: units[1].id, sku: "NOT-IN-CATALOGUE", brand: null, imageUrl: null });

    const first = await receiveUnit(db, { ...ctx }, { scanId: scanId(), parcelId: parcel.id, itemId: units[0].id });
    expect(first.result.outcome).toBe("received");
    expect(first.result.unit.code).toMatch(itemCodePattern);
    expect(first.result.order.counts).toMatchObject({ received: 1, toReceive: 1 });
    expect(first.result.label).toMatchObject({
      code: first.result.unit.code,
      // Labels print the catalogue's Korean name large, the English name below it.
      productName: "나이키 덩크 로우 레트로 화이트 블랙",
      productNameEn: "Nike Dunk Low Retro White Black",
      size: "260",
      orderExternalId: order.externalId,
      timeZone: "Asia/Seoul",
    });
    const second = await receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, itemId: units[1].id });
    expect(second.result.label.productName).toBe("Vintage Tee");
    expect(second.result.order.counts).toMatchObject({ received: 2, toReceive: 0 });
    expect(second.result.message).toContain("2 of 2 received");

    const rows = await db.select().from(items).where(inArray(items.id, units.map((u) => u.id)));
    for (const row of rows) {
      expect(row).toMatchObject({ state: "received", parcelId: parcel.id, version: 1, returnToSeller: false });
      expect(row.code).toMatch(itemCodePattern);
      expect(row.receivedAt).toBeInstanceOf(Date);
    }
    expect(new Set(rows.map((r) => r.code)).size).toBe(2);

    const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, units[0].id));
    expect(events).toMatchObject([
      {
        action: "receive",
        fromState: "expected",
        toState: "received",
        actorUserId: ctx.userId,
        station: "RCV-01",
        details: { station: "RCV-01", operatorId: ctx.userId, parcelId: parcel.id, trackingNumber: "CJ55500001" },
      },
    ]);
    const outbox = await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, units[0].id));
    expect(outbox).toMatchObject([
      { type: "item.receive", payload: { itemCode: first.result.unit.code, orderExternalId: order.externalId, from: "expected", to: "received" } },
    ]);
  });

  it("matches an order announced with the tracking number as printed, when it is typed the same way", async () => {
    const db = use();
    const { order } = await createAnnouncedOrder(db, ctx.centerId, { trackingNumber: "HJ-1234-5678", units: [{}] });
    const scan = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: "HJ-1234-5678" });
    expect(scan.result).toMatchObject({ outcome: "matched", parcel: { trackingNumber: "HJ12345678", orderId: order.id } });
    expect(scan.result.orders.map((o) => o.id)).toEqual([order.id]);
  });

  it("tells a parcel scanned twice that it was already received, and records nothing twice", async () => {
    const db = use();
    const { order } = await createAnnouncedOrder(db, ctx.centerId, { trackingNumber: "609100000002", units: [{}] });
    const other = await staffContext(db, ctx.centerId, "operator", "RCV-02");
    const first = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: "6091-0000-0002" });
    const again = await scanParcel(db, other, { scanId: scanId(), trackingNumber: "609100000002" });
    expect(again.repeated).toBe(false);
    expect(again.result.outcome).toBe("already_scanned");
    expect(again.result.message).toMatch(/already scanned in at RCV-01/);
    expect(again.result.parcel).toEqual(first.result.parcel);
    expect(again.result.orders[0].externalId).toBe(order.externalId);
    const rows = await db.select().from(parcels).where(and(eq(parcels.centerId, ctx.centerId), eq(parcels.trackingNumber, "609100000002")));
    expect(rows).toHaveLength(1);
  });

  it("answers a repeated scan id with the first answer and does the work once", async () => {
    const db = use();
    const { items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const [order] = await db.select().from(items).where(eq(items.id, units[0].id));
    const parcelScan = uniq("scan-");
    const [{ trackingNumber }] = await db.select({ trackingNumber: inboundOrders.trackingNumber }).from(inboundOrders).where(eq(inboundOrders.id, order.orderId));
    const tn = trackingNumber!;
    const a = await scanParcel(db, ctx, { scanId: parcelScan, trackingNumber: tn });
    const b = await scanParcel(db, ctx, { scanId: parcelScan, trackingNumber: tn });
    expect(b.repeated).toBe(true);
    expect(b.result).toEqual(a.result);
    expect(b.result.outcome).toBe("matched");

    const unitScan = uniq("scan-");
    const r1 = await receiveUnit(db, ctx, { scanId: unitScan, parcelId: a.result.parcel.id, itemId: units[0].id });
    const r2 = await receiveUnit(db, ctx, { scanId: unitScan, parcelId: a.result.parcel.id, itemId: units[0].id });
    expect(r2).toEqual({ result: r1.result, repeated: true });
    expect(await db.select().from(itemEvents).where(eq(itemEvents.itemId, units[0].id))).toHaveLength(1);
    const [stored] = await db.select().from(scanRequests).where(eq(scanRequests.scanId, unitScan));
    expect(stored).toMatchObject({ userId: ctx.userId, kind: "receiving.unit" });
  });

  it("finds an order by seller or order number and links an unmatched parcel to it", async () => {
    const db = use();
    const sellerName = `Park ${uniq()}`;
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { trackingNumber: null, sellerName, units: [{}] });
    const scan = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: uniq("HANJIN") });
    expect(scan.result.outcome).toBe("unmatched");
    expect(scan.result.parcel.status).toBe("unmatched");
    expect(scan.result.orders).toEqual([]);
    // Receiving into an unmatched parcel is refused with the way out.
    await expect(receiveUnit(db, ctx, { scanId: scanId(), parcelId: scan.result.parcel.id, itemId: units[0].id })).rejects.toMatchObject({
      code: "conflict:parcel_unmatched",
    });

    for (const query of [order.externalId.toLowerCase(), order.seller.id, sellerName.slice(0, 8).toUpperCase()]) {
      const found = await searchOrders(db, ctx, { query });
      expect(found.map((o) => o.id), query).toContain(order.id);
    }
    expect(await searchOrders(db, ctx, { query: "%%" })).toEqual([]);

    const linked = await attachParcelToOrder(db, ctx, { scanId: scanId(), parcelId: scan.result.parcel.id, orderId: order.id });
    expect(linked.result).toMatchObject({ outcome: "linked", parcel: { status: "received", orderId: order.id } });
    expect(linked.result.orders.map((o) => o.id)).toEqual([order.id]);
    const received = await receiveUnit(db, ctx, { scanId: scanId(), parcelId: scan.result.parcel.id, itemId: units[0].id });
    expect(received.result.unit.state).toBe("received");
    const events = await db.select().from(outboxEvents).where(eq(outboxEvents.type, "parcel.linked"));
    expect(events.some((e) => e.payload.parcelId === scan.result.parcel.id && e.payload.how === "operator")).toBe(true);
    // A second link to another order is refused.
    const { order: otherOrder } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    await expect(attachParcelToOrder(db, ctx, { scanId: scanId(), parcelId: scan.result.parcel.id, orderId: otherOrder.id })).rejects.toMatchObject({
      code: "conflict:parcel_linked",
    });
  });

  it("records a parcel with no tracking label for the order the operator found", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { trackingNumber: null, units: [{}] });
    const linked = await attachParcelToOrder(db, ctx, { scanId: scanId(), orderId: order.id });
    expect(linked.result.parcel).toMatchObject({ status: "received", orderId: order.id });
    expect(linked.result.parcel.trackingNumber).toMatch(/^NOLABEL[0-9A-Z]{10}$/);
    const again = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: linked.result.parcel.trackingNumber.toLowerCase() });
    expect(again.result).toMatchObject({ outcome: "already_scanned", parcel: { id: linked.result.parcel.id } });
    const received = await receiveUnit(db, ctx, { scanId: scanId(), parcelId: linked.result.parcel.id, itemId: units[0].id });
    expect(received.result.unit.parcelId).toBe(linked.result.parcel.id);
  });

  it("refuses a unit that belongs to another parcel's order", async () => {
    const db = use();
    const a = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const b = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const scan = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: a.order.trackingNumber! });
    await expect(receiveUnit(db, ctx, { scanId: scanId(), parcelId: scan.result.parcel.id, itemId: b.items[0].id })).rejects.toMatchObject({
      code: "conflict:wrong_parcel",
      message: expect.stringContaining(b.order.externalId),
    });
    const [row] = await db.select().from(items).where(eq(items.id, b.items[0].id));
    expect(row).toMatchObject({ state: "expected", code: null, parcelId: null });
  });

  it("refuses codes that are not tracking numbers, other centers' data, and staff who do not receive", async () => {
    const db = use();
    await expect(scanParcel(db, ctx, { scanId: scanId(), trackingNumber: "BIN-A-01-01-1" })).rejects.toMatchObject({ code: "validation:scan" });
    await expect(scanParcel(db, ctx, { scanId: scanId(), trackingNumber: "  " })).rejects.toMatchObject({ code: "validation" });
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const otherCenter = await createCenter(db);
    const stranger = await staffContext(db, otherCenter.id);
    const foreign = await scanParcel(db, stranger, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    expect(foreign.result.outcome).toBe("unmatched");
    expect(await searchOrders(db, stranger, { query: order.externalId })).toEqual([]);
    const own = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    await expect(receiveUnit(db, stranger, { scanId: scanId(), parcelId: own.result.parcel.id, itemId: units[0].id })).rejects.toMatchObject({
      code: "not_found:parcel",
    });
    const inspector = await staffContext(db, ctx.centerId, "inspector");
    await expect(scanParcel(db, inspector, { scanId: scanId(), trackingNumber: order.trackingNumber! })).rejects.toMatchObject({ code: "forbidden:role" });
  });
});

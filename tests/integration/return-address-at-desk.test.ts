import { and, asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { inboundOrders, itemEvents, items, outboxEvents, shipments } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { listUnexpectedUnits, receiveUnexpectedUnit, returnFlaggedUnit } from "@/lib/receiving/receive-unexpected-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { createAnnouncedOrder, receivingDesk, scanId } from "../helpers/receiving-fixtures";

describeEachDb("returning a unit whose seller has no address: the manager gives it at the desk", (use) => {
  let ctx: StaffContext;
  let manager: StaffContext;
  beforeAll(async () => {
    ({ ctx, manager } = await receivingDesk(use()));
  });

  /** An unexpected unit found in a parcel that matched no order: its sender is unknown. */
  async function unknownSendersUnit() {
    const db = use();
    const { parcel } = (await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: uniq("LOTTE").toUpperCase() })).result;
    return (await receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, productName: "Unknown hoodie", size: "L", note: "Only item in box" })).result.unit;
  }

  const stateOf = async (itemId: string) => (await use().select().from(items).where(eq(items.id, itemId)))[0];

  it("refuses the return without an address, and with one too short, changing nothing", async () => {
    const db = use();
    const unit = await unknownSendersUnit();
    expect((await listUnexpectedUnits(db, ctx.centerId)).find((u) => u.itemId === unit.itemId)?.seller.hasAddress).toBe(false);
    await expect(returnFlaggedUnit(db, manager, { itemId: unit.itemId, note: "Nobody ordered this" })).rejects.toMatchObject({ code: "validation:return_address", details: { code: unit.code } });
    await expect(returnFlaggedUnit(db, manager, { itemId: unit.itemId, note: "Nobody ordered this", address: "  x " })).rejects.toMatchObject({ code: "validation" });
    expect(await stateOf(unit.itemId)).toMatchObject({ state: "received", destination: null });
    expect(await db.select().from(shipments).where(eq(shipments.itemId, unit.itemId))).toEqual([]);
  });

  it("an unknown sender's unit goes back to the address the manager gives: kept on its order, on the return's shipment, audited, announced", async () => {
    const db = use();
    const unit = await unknownSendersUnit();
    const address = "서울특별시 성동구 왕십리로 83-21";
    const returned = await returnFlaggedUnit(db, manager, { itemId: unit.itemId, note: "Sender called; sending it back", address, phone: "010-1234-5678" });
    expect(returned.state).toBe("awaiting_pack");
    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, unit.orderId));
    expect(order.seller).toMatchObject({ address, phone: "010-1234-5678" });
    const [shipment] = await db.select().from(shipments).where(eq(shipments.itemId, unit.itemId));
    expect(shipment).toMatchObject({ destination: "seller", recipient: { address, phone: "010-1234-5678" } });
    const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, unit.itemId)).orderBy(asc(itemEvents.id));
    expect(events.map((e) => e.action).slice(-2)).toEqual(["seller_address_given", "route_return"]);
    expect(events.at(-2)).toMatchObject({ actorUserId: manager.userId, station: "DESK-1" });
    const [given] = await db.select().from(outboxEvents).where(and(eq(outboxEvents.centerId, ctx.centerId), eq(outboxEvents.type, "order.seller_address_given")));
    expect(given.payload).toMatchObject({ orderExternalId: order.externalId, actorKind: "staff" });
  });

  it("an announced seller without an address is asked for one too; one with an address is not", async () => {
    const db = use();
    const { order } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    await db.update(inboundOrders).set({ seller: { id: "S-NOADDR", name: "No Address" } }).where(eq(inboundOrders.id, order.id));
    const { parcel } = (await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: order.trackingNumber! })).result;
    const extra = (await receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, orderId: order.id, sku: "DD1391-100", productName: "Nike Dunk Low", size: "270", note: "Second pair" })).result.unit;
    await expect(returnFlaggedUnit(db, manager, { itemId: extra.itemId, note: "Too many" })).rejects.toMatchObject({ code: "validation:return_address" });
    await returnFlaggedUnit(db, manager, { itemId: extra.itemId, note: "Too many", address: "12 Teheran-ro, Seoul" });
    expect((await db.select().from(shipments).where(eq(shipments.itemId, extra.itemId)))[0].recipient.address).toBe("12 Teheran-ro, Seoul");

    const withAddress = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    await db.update(inboundOrders).set({ seller: { id: "S-ADDR", name: "Has Address", address: "1 Sejong-daero, Seoul" } }).where(eq(inboundOrders.id, withAddress.order.id));
    const scannedAgain = (await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: withAddress.order.trackingNumber! })).result;
    const other = (await receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: scannedAgain.parcel.id, orderId: withAddress.order.id, sku: "DD1391-100", productName: "Nike Dunk Low", size: "270", note: "Second pair" })).result.unit;
    expect((await listUnexpectedUnits(db, ctx.centerId)).find((u) => u.itemId === other.itemId)?.seller.hasAddress).toBe(true);
    expect((await returnFlaggedUnit(db, manager, { itemId: other.itemId, note: "Too many" })).state).toBe("awaiting_pack");
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import { inboundOrders, itemEvents, outboxEvents, shipments, users } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { lookupPackItem, packItem } from "@/lib/dispatch/packing";
import { listAwaitingAddress } from "@/lib/dispatch/return-address";
import { receiveUnexpectedUnit } from "@/lib/receiving/receive-unexpected-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { resolveUnmatchedParcel } from "@/lib/receiving/unmatched-parcels";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { receivingDesk, scanId } from "../helpers/receiving-fixtures";
import { post, serveRoutesFrom, session, staffOf, twice } from "../helpers/station-routes";

vi.mock("@/lib/auth/current-staff", async () => (await import("../helpers/station-routes")).currentStaffStandIn);

/**
 * Returns to an unknown sender opened before the address was asked for at the return (an unmatched
 * parcel's units, an unexpected unit): the return's shipment and its stand-in order have no
 * address, and no marketplace will send one. The manager gives it on the unit's page (the route
 * below, through withScanId): once, however often the station repeats it; then it packs.
 */
describeEachDb("a return to an unknown sender left without an address: the manager gives it", (use) => {
  let ctx: StaffContext;
  let manager: StaffContext;
  const route = async () => (await import("@/app/api/station/dispatch/returns/address/route")).POST;
  const signIn = async (who: StaffContext) => {
    const [user] = await use().select().from(users).where(eq(users.id, who.userId));
    session.staff = await staffOf(use(), user);
  };

  beforeAll(async () => {
    serveRoutesFrom(use());
    ({ ctx, manager } = await receivingDesk(use()));
  });

  /** The data such a return was left as: an unmatched parcel's unit on its way back, no address on its order or its shipment. */
  async function oldReturnWithoutAddress() {
    const db = use();
    const { parcel } = (await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: uniq("HANJIN").toUpperCase() })).result;
    const unit = (await receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, productName: "Unknown sneakers", size: "270", note: "Only item in box" })).result.unit;
    await resolveUnmatchedParcel(db, manager, { parcelId: parcel.id, note: "Returned", address: "placeholder 1" });
    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, unit.orderId));
    await db.update(inboundOrders).set({ seller: { id: order.seller.id, name: order.seller.name } }).where(eq(inboundOrders.id, order.id));
    const [shipment] = await db.select().from(shipments).where(eq(shipments.itemId, unit.itemId));
    await db.update(shipments).set({ recipient: { id: shipment.recipient.id, name: shipment.recipient.name } }).where(eq(shipments.id, shipment.id));
    return { unit, order };
  }

  it("is refused at packing and listed; the address given twice under one scan id is stored, audited and announced once; then it packs", async () => {
    const db = use();
    const { unit, order } = await oldReturnWithoutAddress();
    await expect(lookupPackItem(db, ctx, unit.code!)).rejects.toMatchObject({ code: "conflict:no_return_address" });
    expect((await listAwaitingAddress(db, ctx.centerId)).map((r) => r.itemId)).toContain(unit.itemId);

    await signIn(manager);
    const address = "부산광역시 해운대구 센텀중앙로 79";
    const { first, second } = await twice(await route(), { scanId: scanId(), itemId: unit.itemId, address, phone: "010-2222-3333" });
    expect(first).toMatchObject({ itemId: unit.itemId, itemCode: unit.code, address, returnsReady: [{ id: unit.itemId, code: unit.code }] });
    expect(second).toEqual(first);

    const [kept] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, order.id));
    expect(kept.seller).toMatchObject({ id: order.seller.id, address, phone: "010-2222-3333" });
    const audited = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, unit.itemId), eq(itemEvents.action, "seller_address_given")));
    expect(audited).toHaveLength(2); // the placeholder address at the parcel's return, then this one
    expect(audited.filter((e) => e.actorUserId === manager.userId && e.details.wasWaiting === true)).toHaveLength(1);
    const announced = (await db.select().from(outboxEvents).where(and(eq(outboxEvents.centerId, ctx.centerId), eq(outboxEvents.type, "order.seller_address_given")))).filter(
      (e) => (e.payload as { itemIds: string[] }).itemIds.includes(unit.itemId),
    );
    expect(announced).toHaveLength(1);

    expect((await listAwaitingAddress(db, ctx.centerId)).map((r) => r.itemId)).not.toContain(unit.itemId);
    expect((await lookupPackItem(db, ctx, unit.code!)).shipment.recipient).toMatchObject({ address, phone: "010-2222-3333" });
    const packed = await packItem(db, ctx, { scanId: scanId(), itemId: unit.itemId, carrier: "CJ", trackingNumber: uniq("6890").toUpperCase() });
    expect(packed.result.trackingNumber).toMatch(/^6890/);

    // Packed, it has no return waiting any more: a late address changes nothing.
    const late = await post(await route(), { scanId: scanId(), itemId: unit.itemId, address: "서울특별시 중구 세종대로 110" });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe("conflict:no_open_return");
  });

  it("only a manager gives it, of this center's return, with an address that is one", async () => {
    const { unit } = await oldReturnWithoutAddress();
    await signIn(ctx);
    expect((await post(await route(), { scanId: scanId(), itemId: unit.itemId, address: "서울특별시 중구 세종대로 110" })).status).toBe(403);
    await signIn(manager);
    const short = await post(await route(), { scanId: scanId(), itemId: unit.itemId, address: " x " });
    expect(short.status).toBe(422);
    const other = await receivingDesk(use());
    await signIn(other.manager);
    const elsewhere = await post(await route(), { scanId: scanId(), itemId: unit.itemId, address: "서울특별시 중구 세종대로 110" });
    expect(elsewhere.json.error.code).toBe("conflict:no_open_return");
    await expect(lookupPackItem(use(), ctx, unit.code!)).rejects.toMatchObject({ code: "conflict:no_return_address" });
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import { inboundOrders, itemEvents, outboxEvents, shipments, users } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { receiveUnexpectedUnit } from "@/lib/receiving/receive-unexpected-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { receivingDesk, scanId } from "../helpers/receiving-fixtures";
import { post, serveRoutesFrom, session, staffOf, type Route } from "../helpers/station-routes";

vi.mock("@/lib/auth/current-staff", async () => (await import("../helpers/station-routes")).currentStaffStandIn);

/**
 * The manager's screens that give an unknown sender's address with a return (`/receive/unexpected`:
 * one unit; `/receive/unmatched`: a parcel with its units) through their JSON routes. A station
 * repeats a request under its scan id when the answer was lost, the address possibly edited in
 * between: the repeat is answered with the first result, and the address is stored, audited and
 * announced once: the first one.
 */
describeEachDb("an unknown sender's return address, sent again under the same scan id", (use) => {
  let ctx: StaffContext;
  let manager: StaffContext;
  const first = "서울특별시 성동구 왕십리로 83-21";
  const edited = "부산광역시 해운대구 센텀중앙로 79";

  beforeAll(async () => {
    serveRoutesFrom(use());
    ({ ctx, manager } = await receivingDesk(use()));
    const [user] = await use().select().from(users).where(eq(users.id, manager.userId));
    session.staff = await staffOf(use(), user);
  });

  /** An unexpected unit from a parcel that matched no order: its sender is unknown, with no address. */
  async function unknownSendersUnit() {
    const db = use();
    const { parcel } = (await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: uniq("LOTTE").toUpperCase() })).result;
    const unit = (await receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, productName: "Unknown hoodie", size: "L", note: "Only item in box" })).result.unit;
    return { parcel, unit };
  }

  /** The same request twice under one scan id, the second with the address edited. */
  async function sentTwice(route: Route, body: Record<string, unknown>) {
    const id = scanId();
    const one = await post(route, { ...body, scanId: id, address: first });
    const two = await post(route, { ...body, scanId: id, address: edited });
    expect(one.status, JSON.stringify(one.json)).toBe(200);
    expect([one.repeated, two.repeated]).toEqual(["false", "true"]);
    expect(two.status).toBe(200);
    expect(two.json).toEqual(one.json);
  }

  /** The order, its unit's return and the records of the address: each once, with the first address. */
  async function expectStoredOnce(unit: { itemId: string; orderId: string }) {
    const db = use();
    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.id, unit.orderId));
    expect(order.seller.address).toBe(first);
    const returns = await db.select().from(shipments).where(eq(shipments.itemId, unit.itemId));
    expect(returns.map((s) => [s.destination, s.recipient.address])).toEqual([["seller", first]]);
    const audit = async (action: string) => db.select().from(itemEvents).where(and(eq(itemEvents.itemId, unit.itemId), eq(itemEvents.action, action)));
    expect(await audit("seller_address_given")).toHaveLength(1);
    expect(await audit("route_return")).toHaveLength(1);
    const announced = (await db.select().from(outboxEvents).where(and(eq(outboxEvents.centerId, ctx.centerId), eq(outboxEvents.type, "order.seller_address_given")))).filter(
      (e) => (e.payload as { orderExternalId: string }).orderExternalId === order.externalId,
    );
    expect(announced).toHaveLength(1);
  }

  it("/receive/unexpected: returning a unit with the address", async () => {
    const { unit } = await unknownSendersUnit();
    const { POST } = await import("@/app/api/station/receiving/units/return/route");
    await sentTwice(POST, { itemId: unit.itemId, note: "Nobody ordered this" });
    await expectStoredOnce(unit);
  });

  it("/receive/unmatched: returning a parcel with its unit and the sender's address", async () => {
    const { parcel, unit } = await unknownSendersUnit();
    const { POST } = await import("@/app/api/station/receiving/parcels/resolve/route");
    await sentTwice(POST, { parcelId: parcel.id, note: "Back to the sender on its label" });
    await expectStoredOnce(unit);
  });
});

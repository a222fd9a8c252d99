import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { items, parcels, shipments } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { shippingLabelDocument } from "@/lib/dispatch/documents";
import { lookupPackItem, packItem } from "@/lib/dispatch/packing";
import { countAwaitingAddress, listAwaitingAddress } from "@/lib/dispatch/return-address";
import { setSellerAddressInTx } from "@/lib/orders/give-seller-address";
import { staffActor } from "@/lib/items/apply-transition";
import { receiveUnexpectedUnit } from "@/lib/receiving/receive-unexpected-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { resolveUnmatchedParcel } from "@/lib/receiving/unmatched-parcels";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { receivingDesk, scanId } from "../helpers/receiving-fixtures";

/**
 * An unmatched parcel returned to its sender takes the units recorded from it along: like every
 * other return to a seller, they are not labelled without an address. The manager gives the
 * sender's address (from the parcel's label) when returning the parcel; a return of an unknown
 * sender that has none is refused at packing and waits among the exceptions until it is given.
 */
describeEachDb("returning an unmatched parcel with its units: the sender's address", (use) => {
  let ctx: StaffContext;
  let manager: StaffContext;
  beforeAll(async () => {
    ({ ctx, manager } = await receivingDesk(use()));
  });

  /** A parcel that matched no order, with one unit recorded from it. */
  async function unmatchedParcelWithUnit() {
    const db = use();
    const { parcel } = (await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: uniq("HANJIN").toUpperCase() })).result;
    const unit = (await receiveUnexpectedUnit(db, ctx, { scanId: scanId(), parcelId: parcel.id, productName: "Unknown sneakers", size: "270", note: "Only item in box" })).result.unit;
    return { parcel, unit };
  }
  const itemNow = async (id: string) => (await use().select().from(items).where(eq(items.id, id)))[0];
  const parcelNow = async (id: string) => (await use().select().from(parcels).where(eq(parcels.id, id)))[0];

  it("returning it without the sender's address is refused, changing nothing", async () => {
    const { parcel, unit } = await unmatchedParcelWithUnit();
    await expect(resolveUnmatchedParcel(use(), manager, { parcelId: parcel.id, note: "Nobody ordered this" })).rejects.toMatchObject({
      code: "validation:sender_address",
      details: { parcel: parcel.trackingNumber, count: 1 },
    });
    expect(await parcelNow(parcel.id)).toMatchObject({ status: "unmatched", resolvedAt: null });
    expect(await itemNow(unit.itemId)).toMatchObject({ state: "received", destination: null });
    expect(await use().select().from(shipments).where(eq(shipments.itemId, unit.itemId))).toEqual([]);
  });

  it("with the address, its unit's return carries it: packed, and the label prints it", async () => {
    const db = use();
    const { parcel, unit } = await unmatchedParcelWithUnit();
    const address = "부산광역시 해운대구 센텀중앙로 79";
    const answer = await resolveUnmatchedParcel(db, manager, { parcelId: parcel.id, note: "Sender's label read", address, phone: "010-2222-3333" });
    expect(answer.outcome).toBe("returned");
    expect(await itemNow(unit.itemId)).toMatchObject({ state: "awaiting_pack", destination: "seller" });
    const view = await lookupPackItem(db, ctx, unit.code!);
    expect(view.shipment.recipient).toMatchObject({ address, phone: "010-2222-3333" });
    const packed = await packItem(db, ctx, { scanId: scanId(), itemId: unit.itemId, carrier: "CJ", trackingNumber: uniq("6890").toUpperCase() });
    const label = JSON.stringify(await shippingLabelDocument(db, ctx.centerId, packed.result.trackingNumber));
    expect(label).toContain(address);
    expect(label).not.toContain("No address on file");
  });

  it("a return to an unknown sender with no address (made before this rule) is refused at packing, listed, and packs once the address is given", async () => {
    const db = use();
    const { parcel, unit } = await unmatchedParcelWithUnit();
    await resolveUnmatchedParcel(db, manager, { parcelId: parcel.id, note: "Returned", address: "Somewhere 1" });
    // As an earlier version left it: the return opened without an address.
    const [shipment] = await db.select().from(shipments).where(eq(shipments.itemId, unit.itemId));
    await db.update(shipments).set({ recipient: { id: shipment.recipient.id, name: shipment.recipient.name } }).where(eq(shipments.id, shipment.id));
    const before = await countAwaitingAddress(db, ctx.centerId);

    await expect(lookupPackItem(db, ctx, unit.code!)).rejects.toMatchObject({ code: "conflict:no_return_address", details: { code: unit.code } });
    await expect(packItem(db, ctx, { scanId: scanId(), itemId: unit.itemId, carrier: "CJ" })).rejects.toMatchObject({ code: "conflict:no_return_address" });
    expect((await listAwaitingAddress(db, ctx.centerId)).map((r) => r.itemId)).toContain(unit.itemId);
    expect(before).toBeGreaterThanOrEqual(1);

    // The address given (the function every path giving one goes through): it packs.
    await db.transaction((tx) => setSellerAddressInTx(tx, unit.orderId, { address: "Somewhere 2" }, staffActor(manager), "staff"));
    expect((await listAwaitingAddress(db, ctx.centerId)).map((r) => r.itemId)).not.toContain(unit.itemId);
    expect(await countAwaitingAddress(db, ctx.centerId)).toBe(before - 1);
    expect((await lookupPackItem(db, ctx, unit.code!)).shipment.recipient.address).toBe("Somewhere 2");
  });
});

import { beforeAll, expect, it } from "vitest";
import type { StaffContext } from "@/lib/auth/staff-context";
import { attachParcelToOrder } from "@/lib/receiving/attach-parcel";
import { closeParcel } from "@/lib/receiving/close-parcel";
import { receiveUnit } from "@/lib/receiving/receive-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { findParcelDetail } from "@/lib/receiving/views";
import { describeEachDb } from "../helpers/databases";
import { createCenter } from "../helpers/fixtures";
import { createAnnouncedOrder, ensureProduct, scanId, staffContext } from "../helpers/receiving-fixtures";

describeEachDb("receiving: what the floor is kept from getting wrong", (use) => {
  let ctx: StaffContext;
  let ctx2: StaffContext;
  beforeAll(async () => {
    const center = await createCenter(use());
    ctx = await staffContext(use(), center.id, "operator", "RCV-01");
    ctx2 = await staffContext(use(), center.id, "operator", "RCV-02");
    await ensureProduct(use());
  });

  it("after a close with units not confirmed, the parcel names them as missing at its close (a rescan too) until they arrive elsewhere", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}, {}, {}] });
    const { result: scanned } = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    expect(scanned.missingAtClose).toEqual([]);
    await receiveUnit(db, ctx, { scanId: scanId(), parcelId: scanned.parcel.id, itemId: units[0].id });

    const closed = await closeParcel(db, ctx, { parcelId: scanned.parcel.id });
    expect(closed.missing.map((u) => u.itemId).sort()).toEqual([units[1].id, units[2].id].sort());
    const detail = await findParcelDetail(db, ctx.centerId, scanned.parcel.id);
    expect(detail?.missingAtClose.sort()).toEqual([units[1].id, units[2].id].sort());
    const { result: rescanned } = await scanParcel(db, ctx2, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    expect(rescanned.missingAtClose.sort()).toEqual([units[1].id, units[2].id].sort());

    // One of them comes in a second parcel of the same order (one without a label): no longer missing.
    const { result: second } = await attachParcelToOrder(db, ctx, { scanId: scanId(), orderId: order.id });
    expect(second.missingAtClose).toEqual([]);
    await receiveUnit(db, ctx, { scanId: scanId(), parcelId: second.parcel.id, itemId: units[1].id });
    expect((await findParcelDetail(db, ctx.centerId, scanned.parcel.id))?.missingAtClose).toEqual([units[2].id]);
    const other = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const { result: otherParcel } = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: other.order.trackingNumber! });
    // A parcel closed complete names nothing.
    await receiveUnit(db, ctx, { scanId: scanId(), parcelId: otherParcel.parcel.id, itemId: other.items[0].id });
    await closeParcel(db, ctx, { parcelId: otherParcel.parcel.id });
    expect((await findParcelDetail(db, ctx.centerId, otherParcel.parcel.id))?.missingAtClose).toEqual([]);
  });

  it("two stations confirm the same unit at once: one receives it, the other is refused with the winner's code and the parcel's true state", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const { result: parcel } = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    const tries = await Promise.allSettled([
      receiveUnit(db, ctx, { scanId: scanId(), parcelId: parcel.parcel.id, itemId: units[0].id }),
      receiveUnit(db, ctx2, { scanId: scanId(), parcelId: parcel.parcel.id, itemId: units[0].id }),
    ]);
    const won = tries.filter((t) => t.status === "fulfilled");
    const lost = tries.filter((t) => t.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const code = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof receiveUnit>>>).value.result.unit.code;
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict:already_received", details: { code } });
    // What the losing station reloads: the unit received under the winner's code, nothing to confirm.
    const truth = await findParcelDetail(db, ctx2.centerId, parcel.parcel.id);
    expect(truth?.orders[0].units[0]).toMatchObject({ itemId: units[0].id, code, state: "received" });
    expect(truth?.orders[0].counts).toMatchObject({ received: 1, toReceive: 0 });
  });
});

import { and, asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { inboundOrders, itemEvents, items, outboxEvents, shipments, type Item } from "@/db/schema";
import { createApiClient } from "@/lib/api/api-clients";
import { sellerAddressResponseSchema } from "@/lib/api/schemas";
import { listExceptions } from "@/lib/desk/exceptions";
import { checkInvariants } from "@/lib/invariants/check-invariants";
import { lookupPackItem, packItem } from "@/lib/dispatch/packing";
import { applyTransition } from "@/lib/items/apply-transition";
import { announceOrder } from "@/lib/orders/announce-order";
import { PUT as putSellerAddress } from "@/app/api/v1/inbound-orders/[externalId]/seller-address/route";
import { describeEachDb } from "../helpers/databases";
import { callRoute, routeDbTo, storageOrder } from "./api-helpers";
import { reportWithdrawal } from "@/lib/orders/item-actions";
import { dispatchWorld, freshCode, itemNow, pickOne, storedItem, type DispatchWorld } from "./dispatch-fixtures";
import { scan } from "./inspection-fixtures";

describeEachDb("returns to a seller with no address on file", (use) => {
  let w: DispatchWorld;
  let client: Awaited<ReturnType<typeof createApiClient>>;
  let otherClient: Awaited<ReturnType<typeof createApiClient>>;
  beforeAll(async () => {
    w = await dispatchWorld(use());
    client = await createApiClient(use(), { name: "Marketplace", centerIds: [w.center.id] });
    otherClient = await createApiClient(use(), { name: "Other marketplace", centerIds: [w.center.id] });
  });

  /** An order announced through the API without the seller's address; its first unit received and routed back to the seller. */
  async function returnWithoutAddress(): Promise<{ item: Item; externalId: string }> {
    const db = use();
    const request = storageOrder(w.center.code, { seller: { id: "S-NOADDR", name: "주소없는 판매자" } });
    const { body } = await announceOrder(db, { id: client.client.id, name: client.client.name, centerIds: [w.center.id] }, request);
    const [first] = await db.select().from(items).where(eq(items.orderId, body.order.id)).orderBy(asc(items.createdAt), asc(items.id));
    const itemId = first.id;
    const actor = { userId: w.operator.id, station: "RCV-01" };
    await db.transaction(async (tx) => {
      await applyTransition(tx, { itemId, action: "receive", actor, set: { code: freshCode(), receivedAt: new Date(), returnToSeller: true }, details: { reason: "order_cancelled", returnToSeller: true } });
      await applyTransition(tx, { itemId, action: "route_return", actor, set: { destination: "seller" }, details: { destination: "seller", reason: "order_cancelled" } });
    });
    return { item: await itemNow(db, itemId), externalId: request.externalId };
  }

  const give = (externalId: string, body: unknown, token = client.token) =>
    callRoute(putSellerAddress as never, { method: "PUT", path: `/api/v1/inbound-orders/${externalId}/seller-address`, token, body, params: { externalId } });

  it("is refused at the pack station and listed as an exception until the marketplace gives the address; then it packs with it", async () => {
    const db = use();
    routeDbTo(db);
    const { item, externalId } = await returnWithoutAddress();
    expect(item.state).toBe("awaiting_pack");

    // The station: scanning it and packing it are both refused, saying why and what to do.
    const refusal = { code: "conflict:no_return_address", details: { code: item.code, seller: "주소없는 판매자", order: externalId } };
    await expect(lookupPackItem(db, w.op, item.code!)).rejects.toMatchObject(refusal);
    await expect(packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" })).rejects.toMatchObject(refusal);
    expect((await itemNow(db, item.id)).state).toBe("awaiting_pack");

    // The manager's exceptions: waiting for the seller's address.
    const group = async () => (await listExceptions(db, w.center.id)).find((g) => g.kind === "awaitingAddress")!;
    const waiting = async () => (await group()).entries;
    expect(await waiting()).toEqual([
      expect.objectContaining({ id: item.id, subject: item.code, detail: { seller: "주소없는 판매자", order: externalId }, resolveHref: `/items/${item.code}` }),
    ]);

    // Bad input and another client's order change nothing.
    expect((await give(externalId, { address: "   " })).status).toBe(422);
    expect((await give(externalId, { phone: "010" })).json.error.code).toBe("validation");
    expect((await give(externalId, { address: "x".repeat(501) })).status).toBe(422);
    expect((await give(externalId, { address: "1 Road" }, otherClient.token)).status).toBe(404);
    expect((await give("MK-NO-SUCH", { address: "1 Road" })).status).toBe(404);
    expect((await give(externalId, { address: "1 Road" }, "lgt_not_a_token")).status).toBe(401);
    expect(await waiting()).toHaveLength(1);
    expect((await group()).total).toBe(1);

    // The marketplace gives the address.
    const address = "서울특별시 강남구 테헤란로 12";
    const answer = await give(externalId, { address, phone: "+82-10-1111-2222" });
    expect(answer.status).toBe(200);
    expect(sellerAddressResponseSchema.parse(answer.json)).toEqual({
      externalId,
      seller: { id: "S-NOADDR", name: "주소없는 판매자", address, phone: "+82-10-1111-2222" },
      returnsReady: [{ id: item.id, code: item.code, state: "awaiting_pack" }],
    });
    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.externalId, externalId));
    expect(order.seller).toEqual({ id: "S-NOADDR", name: "주소없는 판매자", address, phone: "+82-10-1111-2222" });
    // One audit row per unit of the order, one event for the marketplace.
    const audit = await db.select().from(itemEvents).where(and(eq(itemEvents.itemId, item.id), eq(itemEvents.action, "seller_address_given")));
    expect(audit).toEqual([expect.objectContaining({ actorApiClientId: client.client.id, details: { orderExternalId: externalId, wasWaiting: true } })]);
    const units = await db.select().from(itemEvents).where(and(eq(itemEvents.centerId, w.center.id), eq(itemEvents.action, "seller_address_given")));
    expect(units.filter((e) => (e.details as { orderExternalId?: string }).orderExternalId === externalId)).toHaveLength(2);
    const events = async () =>
      (await db.select().from(outboxEvents).where(and(eq(outboxEvents.centerId, w.center.id), eq(outboxEvents.type, "order.seller_address_given"))).orderBy(asc(outboxEvents.id))).filter(
        (e) => e.payload.orderExternalId === externalId,
      );
    expect(await events()).toEqual([expect.objectContaining({ payload: expect.objectContaining({ sellerId: "S-NOADDR", itemIds: [item.id], actorKind: "marketplace" }) })]);
    expect(await waiting()).toEqual([]);
    expect((await group()).total).toBe(0);

    // A retry changes nothing more.
    expect((await give(externalId, { address, phone: "+82-10-1111-2222" })).json.returnsReady).toEqual([]);
    expect(await events()).toHaveLength(1);

    // The station now packs it, addressed.
    const view = await lookupPackItem(db, w.op, item.code!);
    expect(view.shipment.recipient).toEqual({ id: "S-NOADDR", name: "주소없는 판매자", address, phone: "+82-10-1111-2222" });
    const packed = await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" });
    expect(packed.result.shipment.recipient.address).toBe(address);
    expect((await itemNow(db, item.id)).state).toBe("packed");
    // The audit rows the address wrote keep every item's history whole (they record, they do not move).
    expect((await checkInvariants(db, { centerIds: [w.center.id] })).breaches).toEqual([]);
  });

  it("a correction reaches returns not yet packed, not parcels already packed; later returns of the order take the address", async () => {
    const db = use();
    routeDbTo(db);
    const { item, externalId } = await returnWithoutAddress();
    await give(externalId, { address: "1 First Street" });
    await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" });
    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.externalId, externalId));
    const corrected = await give(externalId, { address: "2 Second Street" });
    expect(corrected.json).toMatchObject({ seller: { address: "2 Second Street" }, returnsReady: [] });
    const [packedShipment] = await db.select().from(shipments).where(eq(shipments.itemId, item.id));
    expect(packedShipment.recipient.address).toBe("1 First Street");
    // The order's other unit, returned later, goes to the corrected address and packs.
    const unit = (await db.select().from(items).where(eq(items.orderId, order.id))).find((u) => u.id !== item.id)!;
    const actor = { userId: w.operator.id, station: "RCV-01" };
    await db.transaction(async (tx) => {
      await applyTransition(tx, { itemId: unit.id, action: "receive", actor, set: { code: freshCode(), receivedAt: new Date(), returnToSeller: true }, details: { reason: "order_cancelled", returnToSeller: true } });
      await applyTransition(tx, { itemId: unit.id, action: "route_return", actor, set: { destination: "seller" }, details: { destination: "seller", reason: "order_cancelled" } });
    });
    const code = (await itemNow(db, unit.id)).code!;
    expect((await lookupPackItem(db, w.op, code)).shipment.recipient.address).toBe("2 Second Street");
  });

  it("a withdrawal that brings an address ships there; one without, for a seller with none, waits", async () => {
    const db = use();
    const caller = { id: client.client.id, name: client.client.name, centerIds: [w.center.id] };
    const noAddress = { id: "S-WD-NOADDR", name: "Withdrawing Seller" };
    const [withAddress, without] = [await storedItem(db, w.bins[1], noAddress), await storedItem(db, w.bins[1], noAddress)];
    for (const item of [withAddress, without]) await db.update(inboundOrders).set({ apiClientId: client.client.id }).where(eq(inboundOrders.id, item.orderId));
    await reportWithdrawal(db, caller, withAddress.id, { withdrawalId: "WD-ADDR", address: "3 Pickup-ro, Seoul" });
    await reportWithdrawal(db, caller, without.id, { withdrawalId: "WD-NOADDR" });
    await pickOne(db, w.op2, withAddress);
    await pickOne(db, w.op2, without);
    expect((await lookupPackItem(db, w.op, withAddress.code!)).shipment.recipient).toEqual({ ...noAddress, address: "3 Pickup-ro, Seoul" });
    await expect(lookupPackItem(db, w.op, without.code!)).rejects.toMatchObject({ code: "conflict:no_return_address" });
    // The marketplace's retry of the same withdrawal is answered, not refused.
    await expect(reportWithdrawal(db, caller, withAddress.id, { withdrawalId: "WD-ADDR", address: "3 Pickup-ro, Seoul" })).resolves.toMatchObject({ item: { state: "awaiting_pack" } });
  });
});

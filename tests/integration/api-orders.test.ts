import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { inboundOrders, itemEvents, items, orderLines, outboxEvents } from "@/db/schema";
import { announceOrder } from "@/lib/orders/announce-order";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { getOrderForCaller } from "@/lib/api/get-order";
import { announceOrderResponseSchema, cancelOrderResponseSchema, orderViewSchema } from "@/lib/api/schemas";
import { applyTransition } from "@/lib/items/apply-transition";
import { normalizeTrackingNumber } from "@/lib/scan-codes/tracking-number";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { uniq } from "../helpers/fixtures";
import { setUpApiWorld, storageOrder, tradeOrder } from "./api-helpers";

describeEachDb("API orders", (use) => {
  const world = worldBeforeAll(use, setUpApiWorld);

  it("announces an order: order, lines, one expected item per unit, audit rows and one order.announced event, all at once", async () => {
    const db = use();
    const request = tradeOrder(world.a.code);
    const { status, body } = await announceOrder(db, world.callerA, request);
    expect(status).toBe(201);
    expect(announceOrderResponseSchema.parse(body)).toEqual(body);
    expect(body.order).toMatchObject({ externalId: request.externalId, type: "trade", centerCode: world.a.code, trackingNumber: normalizeTrackingNumber(request.trackingNumber!) });
    expect(body.order.items.map((i) => [i.lineNo, i.sku, i.size])).toEqual([
      [1, "DD1391-100", "270"],
      [2, "CW2288-111", "265"],
    ]);

    const [order] = await db.select().from(inboundOrders).where(eq(inboundOrders.externalId, request.externalId));
    expect(order).toMatchObject({ centerId: world.a.id, apiClientId: world.callerA.id, buyer: request.buyer, seller: request.seller });
    expect(await db.select().from(orderLines).where(eq(orderLines.orderId, order.id))).toHaveLength(2);
    const units = await db.select().from(items).where(eq(items.orderId, order.id));
    expect(units.map((u) => u.state)).toEqual(["expected", "expected"]);
    expect(units.every((u) => u.centerId === world.a.id && u.type === "trade" && u.code === null)).toBe(true);
    const audit = await db.select().from(itemEvents).where(inArray(itemEvents.itemId, units.map((u) => u.id)));
    expect(audit.map((e) => [e.action, e.toState, e.actorApiClientId])).toEqual([
      ["announce", "expected", world.callerA.id],
      ["announce", "expected", world.callerA.id],
    ]);
    const events = (await db.select().from(outboxEvents).where(eq(outboxEvents.type, "order.announced"))).filter(
      (e) => e.payload.orderExternalId === request.externalId,
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload.items).toHaveLength(2);
  });

  it("answers the same body again with the first result (200) and writes nothing more", async () => {
    const db = use();
    const request = storageOrder(world.a.code);
    const first = await announceOrder(db, world.callerA, request);
    // Same content, other key order: still the same request.
    const reordered = { items: request.items, seller: request.seller, type: request.type, centerCode: request.centerCode, externalId: request.externalId, trackingNumber: request.trackingNumber };
    const again = await announceOrder(db, world.callerA, reordered);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await db.select().from(items).where(eq(items.orderId, first.body.order.id))).toHaveLength(2);
  });

  it("refuses a different body under a used externalId (409) and changes nothing", async () => {
    const db = use();
    const request = tradeOrder(world.a.code);
    const first = await announceOrder(db, world.callerA, request);
    const changed = { ...request, items: [{ ...request.items[0], price: 1 }] };
    await expect(announceOrder(db, world.callerA, changed)).rejects.toMatchObject({ code: "conflict:external_id" });
    expect(await db.select().from(items).where(eq(items.orderId, first.body.order.id))).toHaveLength(2);
    // Another client (other center) reusing the id gets its own order and learns nothing of the first.
    const other = await announceOrder(db, world.callerB, { ...request, centerCode: world.b.code });
    expect(other.status).toBe(201);
    expect(other.body.order.id).not.toBe(first.body.order.id);
    expect(other.body.order.centerCode).toBe(world.b.code);
  });

  it("makes one order when the same announce arrives many times at once", async () => {
    const db = use();
    const request = tradeOrder(world.a.code);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => announceOrder(db, world.callerA, request)));
    const fulfilled = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(fulfilled, JSON.stringify(results.filter((r) => r.status === "rejected"))).toHaveLength(6);
    expect(fulfilled.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of fulfilled) expect(r.body).toEqual(fulfilled[0].body);
    const orders = await db.select().from(inboundOrders).where(eq(inboundOrders.externalId, request.externalId));
    expect(orders).toHaveLength(1);
    expect(await db.select().from(items).where(eq(items.orderId, orders[0].id))).toHaveLength(2);
    const announced = (await db.select().from(outboxEvents).where(eq(outboxEvents.type, "order.announced"))).filter(
      (e) => e.payload.orderExternalId === request.externalId,
    );
    expect(announced).toHaveLength(1);
  });

  it("lets exactly one of two different bodies under one externalId arriving at once win", async () => {
    const db = use();
    const request = tradeOrder(world.a.code);
    const other = { ...request, trackingNumber: "OTHER" };
    const results = await Promise.allSettled([announceOrder(db, world.callerA, request), announceOrder(db, world.callerA, other)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict:external_id" });
    expect(await db.select().from(inboundOrders).where(eq(inboundOrders.externalId, request.externalId))).toHaveLength(1);
  });

  it("refuses announcing to a center outside the token's scope (403) and to an unknown center (422)", async () => {
    const db = use();
    const toB = tradeOrder(world.b.code);
    await expect(announceOrder(db, world.callerA, toB)).rejects.toMatchObject({ code: "forbidden:center" });
    await expect(announceOrder(db, world.callerA, tradeOrder("NOPE"))).rejects.toMatchObject({ code: "validation:center_code" });
    expect(await db.select().from(inboundOrders).where(eq(inboundOrders.externalId, toB.externalId))).toHaveLength(0);
  });

  it("reads an order with each item's state, and hides other centers' orders (404)", async () => {
    const db = use();
    const request = tradeOrder(world.a.code);
    const { body } = await announceOrder(db, world.callerA, request);
    await db.transaction((tx) => applyTransition(tx, { itemId: body.order.items[0].id, action: "receive", actor: {}, set: { code: "ITTESTRECV001", receivedAt: new Date() } }));
    const view = await getOrderForCaller(db, world.callerA, request.externalId);
    expect(orderViewSchema.parse(view)).toEqual(view);
    expect(view.order.items.map((i) => [i.lineNo, i.state, i.code])).toEqual([
      [1, "received", "ITTESTRECV001"],
      [2, "expected", null],
    ]);
    expect(view.order).toMatchObject({ seller: request.seller, buyer: request.buyer, cancelledAt: null });
    await expect(getOrderForCaller(db, world.callerB, request.externalId)).rejects.toMatchObject({ code: "not_found:order" });
    await expect(getOrderForCaller(db, world.callerA, "MK-NEVER")).rejects.toMatchObject({ code: "not_found:order" });
  });

  it("cancels only the units not yet received, says which arrived, and answers a repeat the same", async () => {
    const db = use();
    const request = tradeOrder(world.a.code, {
      items: [...tradeOrder(world.a.code).items, { sku: "B75806", productName: "adidas Samba OG", category: "sneakers", size: "250", price: 139000 }],
    });
    const { body } = await announceOrder(db, world.callerA, request);
    const [first, second, third] = body.order.items;
    await db.transaction((tx) => applyTransition(tx, { itemId: second.id, action: "receive", actor: {}, set: { code: uniq("IT").toUpperCase() } }));

    const answer = await cancelOrder(db, world.callerA, request.externalId, { reason: "buyer cancelled" });
    expect(cancelOrderResponseSchema.parse(answer)).toEqual(answer);
    expect(answer.cancelled.map((i) => i.id).sort()).toEqual([first.id, third.id].sort());
    expect(answer.alreadyReceived).toMatchObject([{ id: second.id, state: "received" }]);
    expect(answer.cancelledAt).not.toBeNull();

    const states = await db.select({ id: items.id, state: items.state }).from(items).where(eq(items.orderId, body.order.id));
    expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [first.id]: "cancelled", [second.id]: "received", [third.id]: "cancelled" });
    const cancelEvents = await db.select().from(outboxEvents).where(inArray(outboxEvents.itemId, [first.id, third.id]));
    expect(cancelEvents.map((e) => e.type)).toEqual(["item.cancel", "item.cancel"]);
    expect(cancelEvents[0].payload).toMatchObject({ reason: "buyer cancelled", orderExternalId: request.externalId });

    const repeat = await cancelOrder(db, world.callerA, request.externalId, { reason: "buyer cancelled" });
    expect(repeat).toEqual(answer);
    expect(await db.select().from(outboxEvents).where(inArray(outboxEvents.itemId, [first.id, third.id]))).toHaveLength(2);
  });

  it("lets a cancel and a receive of the same unit at once end in exactly one of them", async () => {
    const db = use();
    const request = tradeOrder(world.a.code, { items: tradeOrder(world.a.code).items.slice(0, 1) });
    const { body } = await announceOrder(db, world.callerA, request);
    const itemId = body.order.items[0].id;
    const [cancel, receive] = await Promise.allSettled([
      cancelOrder(db, world.callerA, request.externalId, {}),
      db.transaction((tx) => applyTransition(tx, { itemId, action: "receive", actor: {} })),
    ]);
    expect(cancel.status).toBe("fulfilled");
    expect(receive.status).toBe("fulfilled"); // receiving a cancelled unit is allowed: it goes back to the seller
    const answer = (cancel as PromiseFulfilledResult<Awaited<ReturnType<typeof cancelOrder>>>).value;
    const audit = await db.select().from(itemEvents).where(eq(itemEvents.itemId, itemId));
    const actions = audit.filter((e) => e.action !== "announce").map((e) => e.action);
    // The answer tells what really happened, in whichever order the two met at the row lock.
    if (actions[0] === "cancel") {
      expect(actions).toEqual(["cancel", "receive"]);
      expect(answer.cancelled.map((i) => i.id)).toEqual([itemId]);
    } else {
      expect(actions).toEqual(["receive"]);
      expect(answer.alreadyReceived.map((i) => i.id)).toEqual([itemId]);
    }
  });

  it("does not cancel another center's order (404)", async () => {
    const db = use();
    const request = tradeOrder(world.a.code);
    const { body } = await announceOrder(db, world.callerA, request);
    await expect(cancelOrder(db, world.callerB, request.externalId, {})).rejects.toMatchObject({ code: "not_found:order" });
    const states = await db.select({ state: items.state }).from(items).where(eq(items.orderId, body.order.id));
    expect(states.every((s) => s.state === "expected")).toBe(true);
  });
});

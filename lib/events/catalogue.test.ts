import { describe, expect, it } from "vitest";
import { itemActions } from "@/lib/items/transitions";
import { outboxEventSchema } from "./catalogue";

const itemPayload = {
  itemId: "5b0f3c2e-7d41-4f0a-9c8e-2a6b1d9e4f70",
  itemCode: "IT7K3M9Q2XW4P",
  orderExternalId: "MK-1",
  from: "expected",
  to: "received",
  at: "2025-03-14T09:26:53.000Z",
  actorKind: "staff",
};

describe("event catalogue", () => {
  it("has an item.<action> event for every item action", () => {
    const types = outboxEventSchema.options.map((o) => o.shape.type.value);
    for (const action of itemActions) expect(types).toContain(`item.${action}`);
    expect(new Set(types).size).toBe(types.length);
  });

  it("fills in the version and keeps declared details", () => {
    const event = outboxEventSchema.parse({ type: "item.receive", payload: { ...itemPayload, action: "receive", parcelId: "p1", trackingNumber: "CJ1" } });
    expect(event.payload).toMatchObject({ version: 1, parcelId: "p1", trackingNumber: "CJ1" });
  });

  it("refuses details its type does not declare, a wrong action and a missing common field", () => {
    expect(outboxEventSchema.safeParse({ type: "item.receive", payload: { ...itemPayload, action: "receive", penaltyRate: 0.1 } }).success).toBe(false);
    expect(outboxEventSchema.safeParse({ type: "item.receive", payload: { ...itemPayload, action: "pass" } }).success).toBe(false);
    const { actorKind: _, ...noActor } = itemPayload;
    expect(outboxEventSchema.safeParse({ type: "item.receive", payload: { ...noActor, action: "receive" } }).success).toBe(false);
    expect(outboxEventSchema.safeParse({ type: "item.nonsense", payload: { ...itemPayload, action: "nonsense" } }).success).toBe(false);
  });
});

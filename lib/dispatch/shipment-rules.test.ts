import { describe, expect, it } from "vitest";
import { leavingRoute, shipByFrom } from "./shipment-rules";

describe("which transitions send an item out, and why", () => {
  const route = (action: Parameters<typeof leavingRoute>[0]["action"], from: Parameters<typeof leavingRoute>[0]["from"], details: Record<string, unknown> = {}) =>
    leavingRoute({ action, from, to: "awaiting_pack", details });

  it("names the reason and the recipient of every way out", () => {
    expect(route("route_trade", "passed")).toEqual({ reason: "trade_passed", destination: "buyer" });
    expect(route("sell", "stored")).toEqual({ reason: "storage_sold", destination: "buyer" });
    expect(route("withdraw", "stored")).toEqual({ reason: "withdrawn", destination: "seller" });
    expect(route("route_return", "failed", { verdict: "fail_used" })).toEqual({ reason: "inspection_failed", destination: "seller" });
    expect(route("route_return", "failed", { buyerDecision: "refuse" })).toEqual({ reason: "buyer_refused", destination: "seller" });
    expect(route("route_return", "failed", { quarantineDecision: "return_to_seller" })).toEqual({ reason: "counterfeit_returned", destination: "seller" });
    expect(route("route_return", "received", { reason: "order_cancelled" })).toEqual({ reason: "order_cancelled", destination: "seller" });
    expect(route("route_return", "received", { reason: "unexpected_unit" })).toEqual({ reason: "unexpected_unit", destination: "seller" });
    expect(route("route_return", "received")).toEqual({ reason: "flagged_for_return", destination: "seller" });
  });

  it("opens nothing for moves inside the center (picking, packing, putaway)", () => {
    for (const action of ["pick", "pack", "dispatch", "putaway", "route_storage", "receive"] as const) expect(route(action, "awaiting_pick")).toBeNull();
  });

  it("gives a storage sale the shortest deadline and returns the longest", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(shipByFrom("storage_sold", now).toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(shipByFrom("trade_passed", now).toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(shipByFrom("inspection_failed", now).toISOString()).toBe("2026-01-04T00:00:00.000Z");
  });
});

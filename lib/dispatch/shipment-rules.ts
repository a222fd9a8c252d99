import type { ShipmentReason } from "@/db/schema/dispatch";
import type { Destination, ItemState } from "@/db/schema/items";
import type { ItemAction } from "@/lib/items/transitions";

/** Hours from routing to the ship-by deadline: a storage sale ships the same day. */
export const shipByHours: Record<ShipmentReason, number> = {
  storage_sold: 12,
  trade_passed: 24,
  withdrawn: 48,
  buyer_refused: 72,
  inspection_failed: 72,
  order_cancelled: 72,
  unexpected_unit: 72,
  flagged_for_return: 72,
  counterfeit_returned: 72,
};

export type LeavingRoute = { reason: ShipmentReason; destination: Destination };

/**
 * Whether a transition routes an item out of the center, and why. Picking moves an item that
 * already has its shipment (opened when it sold or was withdrawn), so it opens none.
 */
export function leavingRoute(input: { action: ItemAction; from: ItemState; to: ItemState; details: Record<string, unknown> }): LeavingRoute | null {
  const { action, from, details } = input;
  if (action === "sell") return { reason: "storage_sold", destination: "buyer" };
  if (action === "withdraw") return { reason: "withdrawn", destination: "seller" };
  if (action === "route_trade") return { reason: "trade_passed", destination: "buyer" };
  if (action !== "route_return") return null;
  if (details.buyerDecision === "refuse") return { reason: "buyer_refused", destination: "seller" };
  if (details.quarantineDecision === "return_to_seller") return { reason: "counterfeit_returned", destination: "seller" };
  if (details.reason === "order_cancelled") return { reason: "order_cancelled", destination: "seller" };
  if (details.reason === "unexpected_unit") return { reason: "unexpected_unit", destination: "seller" };
  if (from === "received") return { reason: "flagged_for_return", destination: "seller" };
  return { reason: "inspection_failed", destination: "seller" };
}

export function shipByFrom(reason: ShipmentReason, now: Date): Date {
  return new Date(now.getTime() + shipByHours[reason] * 3_600_000);
}

/** Returns (to the seller) carry the inspection result sheet; buyers get a packing slip. @public */
export const isReturn = (destination: Destination) => destination === "seller";

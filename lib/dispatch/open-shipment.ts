import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { inboundOrders, shipments, type Item, type Party } from "@/db/schema";
import type { ItemAction } from "@/lib/items/transitions";
import { leavingRoute, shipByFrom } from "./shipment-rules";

const detailKeys = ["verdict", "reasonCodes", "inspectionId", "penaltyRate", "defectNote", "note", "buyerDecision", "saleId", "withdrawalId", "quarantineDecision", "reason"];

// Its SQL built once (db/reusable-query.ts).
const orderById = reusableQuery((q) => q.select().from(inboundOrders).where(eq(inboundOrders.id, sql.placeholder("orderId"))));

/**
 * Opens the item's outbound shipment when a transition routes it out of the center (called by
 * applyTransition inside the same transaction): recipient from the order (buyer, the storage
 * sale's buyer, or the seller), the reason, the details a return slip explains, and the ship-by
 * deadline. Shipments are never made by hand.
 */
export async function openShipmentIfLeaving(
  tx: Tx,
  input: { item: Item; action: ItemAction; from: Item["state"]; details: Record<string, unknown> },
): Promise<void> {
  const route = leavingRoute({ action: input.action, from: input.from, to: input.item.state, details: input.details });
  if (!route) return;
  const [order] = await orderById(tx, { orderId: input.item.orderId });
  const buyer: Party | null | undefined = input.item.type === "storage" ? input.item.saleBuyer : order?.buyer;
  // A withdrawal may come with the address to send it to (the seller's on the order otherwise).
  const address = typeof input.details.address === "string" ? input.details.address : undefined;
  const seller = order?.seller && address ? { ...order.seller, address } : order?.seller;
  const recipient: Party = (route.destination === "buyer" ? buyer : seller) ?? { id: "unknown", name: "?" };
  const reasonDetails = Object.fromEntries(detailKeys.filter((k) => input.details[k] !== undefined).map((k) => [k, input.details[k]]));
  await tx
    .insert(shipments)
    .values({
      centerId: input.item.centerId,
      itemId: input.item.id,
      destination: route.destination,
      recipient,
      reason: route.reason,
      reasonDetails,
      shipBy: shipByFrom(route.reason, new Date()),
    })
    // An item has one shipment in progress; routing it again keeps the first.
    .onConflictDoNothing();
}

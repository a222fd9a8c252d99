import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { shipments, type Item } from "@/db/schema";
import type { ItemAction } from "@/lib/items/transitions";
import { leavingRoute, shipByFrom } from "./shipment-rules";

const detailKeys = ["verdict", "reasonCodes", "inspectionId", "penaltyRate", "defectNote", "note", "buyerDecision", "saleId", "withdrawalId", "quarantineDecision", "reason"];

/**
 * Opens the item's outbound shipment when a transition routes it out of the center (called by
 * applyTransition inside the same transaction): recipient from the order (buyer, the storage
 * sale's buyer, or the seller), the reason, the details a return slip explains, and the ship-by
 * deadline. Shipments are never made by hand. One statement: the recipient is read from the order
 * inside the insert.
 */
export async function openShipmentIfLeaving(
  tx: Tx,
  input: { item: Item; action: ItemAction; from: Item["state"]; details: Record<string, unknown> },
): Promise<void> {
  const route = leavingRoute({ action: input.action, from: input.from, to: input.item.state, details: input.details });
  if (!route) return;
  // A withdrawal may come with the address to send it to (the seller's on the order otherwise).
  const address = typeof input.details.address === "string" && input.details.address ? input.details.address : null;
  const reasonDetails = Object.fromEntries(detailKeys.filter((k) => input.details[k] !== undefined).map((k) => [k, input.details[k]]));
  await insertShipment(tx, {
    centerId: input.item.centerId,
    itemId: input.item.id,
    orderId: input.item.orderId,
    destination: route.destination,
    // A storage item's buyer is its sale's; a trade item's is the order's.
    buyerFrom: input.item.type === "storage" ? "sale" : "order",
    saleBuyer: input.item.saleBuyer ? JSON.stringify(input.item.saleBuyer) : null,
    address,
    reason: route.reason,
    reasonDetails,
    shipBy: shipByFrom(route.reason, new Date()),
  });
}

// Its SQL built once (db/reusable-query.ts). The recipient: the buyer (the sale's, or the order's)
// or the order's seller (with the given address), else "unknown".
const slot = sql.placeholder;
const insertShipment = reusableQuery((q) =>
  q
    .insert(shipments)
    .values({
      centerId: slot("centerId"),
      itemId: slot("itemId"),
      destination: slot("destination"),
      recipient: sql`coalesce(nullif(
        case when ${slot("destination")}::text = 'buyer'
          then case when ${slot("buyerFrom")}::text = 'sale' then ${slot("saleBuyer")}::jsonb
                    else (select o.buyer from inbound_orders o where o.id = ${slot("orderId")}::uuid) end
          else (select case when ${slot("address")}::text is not null then o.seller || jsonb_build_object('address', ${slot("address")}::text) else o.seller end
                from inbound_orders o where o.id = ${slot("orderId")}::uuid)
        end, 'null'::jsonb),
        '{"id":"unknown","name":"?"}'::jsonb)`,
      reason: slot("reason"),
      reasonDetails: slot("reasonDetails"),
      shipBy: slot("shipBy"),
    } as unknown as typeof shipments.$inferInsert)
    // An item has one shipment in progress; routing it again keeps the first.
    .onConflictDoNothing(),
);

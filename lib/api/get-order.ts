import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { centers, inboundOrders } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import type { ApiCaller } from "./api-clients";
import { loadItemViews } from "./item-view";
import type { OrderView } from "./schemas";

/** One of the caller's own orders with each item's state; anyone else's is 404 like a missing one. */
export async function getOrderForCaller(db: Queryable, caller: ApiCaller, externalId: string): Promise<OrderView> {
  const [row] = await db
    .select({ order: inboundOrders, centerCode: centers.code })
    .from(inboundOrders)
    .innerJoin(centers, eq(centers.id, inboundOrders.centerId))
    .where(and(eq(inboundOrders.apiClientId, caller.id), eq(inboundOrders.externalId, externalId)));
  if (!row || !caller.centerIds.includes(row.order.centerId)) {
    throw new DomainError("not_found:order", `No order "${externalId}" in your centers.`);
  }
  const { order } = row;
  return {
    order: {
      id: order.id,
      externalId: order.externalId,
      type: order.type,
      centerCode: row.centerCode,
      seller: { id: order.seller.id, name: order.seller.name, address: order.seller.address, phone: order.seller.phone },
      buyer: order.buyer
        ? { id: order.buyer.id, name: order.buyer.name, address: order.buyer.address ?? "", phone: order.buyer.phone }
        : null,
      trackingNumber: order.trackingNumber,
      createdAt: order.createdAt.toISOString(),
      cancelledAt: order.cancelledAt?.toISOString() ?? null,
      items: await loadItemViews(db, { orderId: order.id }),
    },
  };
}

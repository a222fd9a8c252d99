import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundOrders, items } from "@/db/schema";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { applyTransition } from "@/lib/items/apply-transition";
import type { ApiCaller } from "@/lib/api/api-clients";
import { findOrderByExternalId } from "./announce-order";
import type { CancelOrderRequest, CancelOrderResponse } from "@/lib/api/schemas";

/**
 * Cancels the units of an order that have not arrived yet. Units already received go on as usual
 * and are listed as such. Calling it again answers the same (nothing is cancelled twice). A unit
 * being received at this very moment is either cancelled or received, never both: both sides go
 * through applyTransition's row lock.
 */
export async function cancelOrder(db: Db, caller: ApiCaller, externalId: string, request: CancelOrderRequest): Promise<CancelOrderResponse> {
  const order = await findOrderByExternalId(db, caller, externalId);
  if (!order || !caller.centerIds.includes(order.centerId)) {
    throw new DomainError("not_found:order", `No order "${externalId}" in your centers.`);
  }
  return db.transaction(async (tx) => {
    // Locked in id order, like every multi-item change, so two of them cannot deadlock.
    const units = await tx.select().from(items).where(eq(items.orderId, order.id)).orderBy(asc(items.id));
    const after: { id: string; code: string | null; state: (typeof units)[number]["state"] }[] = [];
    let cancelledNow = 0;
    for (const unit of units) {
      if (unit.state !== "expected") {
        after.push(unit);
        continue;
      }
      try {
        const { item } = await applyTransition(tx, {
          itemId: unit.id,
          action: "cancel",
          actor: { apiClientId: caller.id },
          centerId: order.centerId,
          details: request.reason ? { reason: request.reason } : {},
        });
        after.push(item);
        cancelledNow++;
      } catch (error) {
        // Received between our read and the lock: nothing was written for it, report it as received.
        if (!isDomainError(error) || error.kind !== "conflict") throw error;
        const [now] = await tx.select().from(items).where(eq(items.id, unit.id));
        after.push(now);
      }
    }
    let cancelledAt = order.cancelledAt;
    if (cancelledNow > 0) {
      const [updated] = await tx
        .update(inboundOrders)
        .set({ cancelledAt: sql`coalesce(${inboundOrders.cancelledAt}, now())` })
        .where(eq(inboundOrders.id, order.id))
        .returning();
      cancelledAt = updated.cancelledAt;
    }
    const ref = (u: (typeof after)[number]) => ({ id: u.id, code: u.code, state: u.state });
    return {
      externalId: order.externalId,
      cancelledAt: cancelledAt?.toISOString() ?? null,
      cancelled: after.filter((u) => u.state === "cancelled").map(ref),
      alreadyReceived: after.filter((u) => u.state !== "cancelled").map(ref),
    };
  });
}

import { and, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { inboundOrders } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { normalizeTrackingNumber } from "@/lib/scan-codes/tracking-number";
import { parseInput, requireReceiver } from "./guards";
import { loadOrderViews, type OrderView } from "./views";
import { announcedOrdersOnly } from "./placeholder-order";

export const searchOrdersSchema = z.object({
  query: z.string().trim().min(2, "Type at least two characters.").max(100),
  limit: z.number().int().min(1).max(50).default(20),
});

/**
 * Finds orders for a parcel that has no (matching) tracking number, by what the operator can read
 * on it: the order's external id or tracking number (exact, any case), the seller's id (exact) or
 * a part of the seller's name. Newest first, with their units.
 */
export async function searchOrders(db: Db, ctx: StaffContext, input: z.input<typeof searchOrdersSchema>): Promise<OrderView[]> {
  requireReceiver(ctx);
  const { query, limit } = parseInput(searchOrdersSchema, input);
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const ids = await db
    .select({ id: inboundOrders.id })
    .from(inboundOrders)
    .where(
      and(
        eq(inboundOrders.centerId, ctx.centerId),
        announcedOrdersOnly,
        or(
          sql`lower(${inboundOrders.externalId}) = lower(${query})`,
          inArray(inboundOrders.trackingNumber, [...new Set([query, query.toUpperCase(), normalizeTrackingNumber(query)])]),
          sql`${inboundOrders.seller}->>'id' = ${query}`,
          ilike(sql`${inboundOrders.seller}->>'name'`, pattern),
        ),
      ),
    )
    .orderBy(desc(inboundOrders.createdAt), desc(inboundOrders.id))
    .limit(limit);
  if (ids.length === 0) return [];
  const views = await loadOrderViews(
    db,
    ctx.centerId,
    inArray(
      inboundOrders.id,
      ids.map((r) => r.id),
    ),
  );
  return views.reverse();
}

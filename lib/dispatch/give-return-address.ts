import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { items, shipments } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { staffActor } from "@/lib/items/apply-transition";
import { setSellerAddressInTx } from "@/lib/orders/give-seller-address";
import { parseInput, requireManager } from "./guards";

export const giveReturnAddressSchema = z.object({
  itemId: z.uuid(),
  address: z.string().trim().min(5, "An address of at least 5 characters.").max(500),
  phone: z.string().trim().min(1).max(40).optional(),
});

export type GiveReturnAddressAnswer = { itemId: string; itemCode: string | null; address: string; returnsReady: { id: string; code: string | null }[] };

/**
 * A manager gives the address of a return to a seller that has none on file, from the unit's page:
 * for an unknown sender (an unmatched parcel's units, an unexpected unit) nobody else can, as no
 * marketplace order stands behind it (returns opened before the address was asked for when
 * returning them wait for it here). The order keeps it and every open return of its units takes it
 * (`setSellerAddressInTx`: audited per unit, `order.seller_address_given`), so they pack normally.
 * Refused unless the unit has an open (not yet packed) return to its seller.
 */
export async function giveReturnAddress(db: Db, ctx: StaffContext, input: z.input<typeof giveReturnAddressSchema>): Promise<GiveReturnAddressAnswer> {
  requireManager(ctx);
  const data = parseInput(giveReturnAddressSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ itemCode: items.code, orderId: items.orderId })
      .from(items)
      .innerJoin(shipments, and(eq(shipments.itemId, items.id), sql`${shipments.status} = 'open'`, sql`${shipments.destination} = 'seller'`))
      .where(and(eq(items.centerId, ctx.centerId), eq(items.id, data.itemId)));
    if (!row) throw new DomainError("conflict:no_open_return", "This unit has no return to its seller waiting to be packed; nothing was changed.");
    const address = { address: data.address, ...(data.phone ? { phone: data.phone } : {}) };
    const { units, waitingIds } = await setSellerAddressInTx(tx, row.orderId, address, staffActor(ctx), "staff");
    return {
      itemId: data.itemId,
      itemCode: row.itemCode,
      address: data.address,
      returnsReady: units.filter((u) => waitingIds.has(u.id)).map((u) => ({ id: u.id, code: u.code })),
    };
  });
}

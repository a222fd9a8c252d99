import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { inboundOrders, items, parcels } from "@/db/schema";
import { itemsWithProduct } from "@/lib/catalog/item-row-columns";
import { toUnitView, unitRowColumns, type UnitView } from "./views";

export type UnitByCode = UnitView & { orderExternalId: string; parcelTrackingNumber: string | null };

/**
 * A labelled unit of the center by its item code, with its order and parcel, so a receiving
 * station that scans an item label can say "already received as IT…" and where it came from.
 * One statement: a label scan is the commonest request of all.
 */
export async function findUnitByCode(q: Queryable, centerId: string, code: string): Promise<UnitByCode | undefined> {
  const [row] = await itemsWithProduct(q, { ...unitRowColumns, orderExternalId: inboundOrders.externalId, parcelTrackingNumber: parcels.trackingNumber })
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(parcels, eq(parcels.id, items.parcelId))
    .where(and(eq(items.centerId, centerId), eq(items.code, code)));
  if (!row) return undefined;
  return { ...toUnitView(row), orderExternalId: row.orderExternalId, parcelTrackingNumber: row.parcelTrackingNumber ?? null };
}

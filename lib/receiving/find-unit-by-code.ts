import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { inboundOrders, items, parcels } from "@/db/schema";
import { selectUnits, type UnitView } from "./views";

export type UnitByCode = UnitView & { orderExternalId: string; parcelTrackingNumber: string | null };

/**
 * A labelled unit of the center by its item code, with its order and parcel, so a receiving
 * station that scans an item label can say "already received as IT…" and where it came from.
 */
export async function findUnitByCode(q: Queryable, centerId: string, code: string): Promise<UnitByCode | undefined> {
  const [unit] = await selectUnits(q, and(eq(items.centerId, centerId), eq(items.code, code)));
  if (!unit) return undefined;
  const [order] = await q.select({ externalId: inboundOrders.externalId }).from(inboundOrders).where(eq(inboundOrders.id, unit.orderId));
  const [parcel] = unit.parcelId
    ? await q.select({ trackingNumber: parcels.trackingNumber }).from(parcels).where(eq(parcels.id, unit.parcelId))
    : [];
  return { ...unit, orderExternalId: order?.externalId ?? "?", parcelTrackingNumber: parcel?.trackingNumber ?? null };
}

import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { bins, zones } from "@/db/schema";

export type UtilisationRow = { zoneCode: string; zoneName: string; sizeClass: string; bins: number; activeBins: number; occupied: number; capacity: number };

/** Used and total capacity of active bins per zone and size class. */
export async function storageUtilisation(q: Queryable, centerId: string): Promise<UtilisationRow[]> {
  return q
    .select({
      zoneCode: zones.code,
      zoneName: zones.name,
      sizeClass: bins.sizeClass,
      bins: sql<number>`count(*)::int`,
      activeBins: sql<number>`count(*) filter (where ${bins.active})::int`,
      occupied: sql<number>`coalesce(sum(${bins.occupied}) filter (where ${bins.active}), 0)::int`,
      capacity: sql<number>`coalesce(sum(${bins.capacity}) filter (where ${bins.active}), 0)::int`,
    })
    .from(bins)
    .innerJoin(zones, eq(zones.id, bins.zoneId))
    .where(eq(bins.centerId, centerId))
    .groupBy(zones.code, zones.name, bins.sizeClass)
    .orderBy(asc(zones.code), asc(bins.sizeClass));
}

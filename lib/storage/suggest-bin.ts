import { and, asc, eq, lt, notInArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { bins, zones } from "@/db/schema";
import type { SizeClass } from "@/db/schema/catalog";
import { chooseBin, suggestionWindow } from "./suggestion-rule";

export type BinSuggestion = { id: string; code: string; zoneCode: string; zoneName: string; occupied: number; capacity: number };

/**
 * The bin to suggest for an item of a size class: among active bins of that class with room, the
 * first few along the pick path (a short walk of the partial index bins_free_idx, whatever the
 * number of bins), the least filled (see chooseBin).
 */
export async function suggestBin(q: Queryable, centerId: string, sizeClass: SizeClass, opts: { exclude?: string[] } = {}): Promise<BinSuggestion | null> {
  const candidates = await q
    .select({ id: bins.id, code: bins.code, occupied: bins.occupied, capacity: bins.capacity, pickSequence: bins.pickSequence, zoneCode: zones.code, zoneName: zones.name })
    .from(bins)
    .innerJoin(zones, eq(zones.id, bins.zoneId))
    .where(
      and(
        eq(bins.centerId, centerId),
        eq(bins.sizeClass, sizeClass),
        eq(bins.active, true),
        lt(bins.occupied, bins.capacity),
        opts.exclude?.length ? notInArray(bins.id, opts.exclude) : sql`true`,
      ),
    )
    .orderBy(asc(bins.pickSequence))
    .limit(suggestionWindow);
  const chosen = chooseBin(candidates);
  if (!chosen) return null;
  return { id: chosen.id, code: chosen.code, zoneCode: chosen.zoneCode, zoneName: chosen.zoneName, occupied: chosen.occupied, capacity: chosen.capacity };
}

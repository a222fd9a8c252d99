import { and, asc, eq, lt, notInArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { bins, zones } from "@/db/schema";
import type { SizeClass } from "@/db/schema/catalog";
import { chooseBin, suggestionWindow } from "./suggestion-rule";

export type BinSuggestion = { id: string; code: string; zoneCode: string; zoneName: string; occupied: number; capacity: number };

/**
 * Active bins of a size class with room, the first few along the pick path: a short walk of the
 * partial index bins_free_idx, whatever the number of bins (the benchmark explains this query).
 */
export function candidateBins(q: Queryable, centerId: string, sizeClass: SizeClass, exclude: string[] = []) {
  return q
    .select({ id: bins.id, code: bins.code, occupied: bins.occupied, capacity: bins.capacity, pickSequence: bins.pickSequence, zoneCode: zones.code, zoneName: zones.name })
    .from(bins)
    .innerJoin(zones, eq(zones.id, bins.zoneId))
    .where(
      and(
        eq(bins.centerId, centerId),
        eq(bins.sizeClass, sizeClass),
        // A literal, not a parameter: a prepared statement's generic plan can then use the partial
        // index bins_free_idx, whose predicate is this one (tests/integration/partial-indexes.test.ts).
        sql`${bins.active}`,
        lt(bins.occupied, bins.capacity),
        exclude.length ? notInArray(bins.id, exclude) : sql`true`,
      ),
    )
    .orderBy(asc(bins.pickSequence))
    .limit(suggestionWindow);
}

// candidateBins with nothing excluded (every putaway scan), its SQL built once (db/reusable-query.ts).
const candidatesOf = reusableQuery((q) => candidateBins(q, sql.placeholder("centerId") as unknown as string, sql.placeholder("sizeClass") as unknown as SizeClass));

/**
 * The bin to suggest to an operator for an item of a size class: one of the candidate bins, the
 * emptier ones to more operators, the same one to the same operator while the bins stay as they are
 * (see chooseBin). The putaway screen, the API and a full bin's refusal all ask here.
 */
export async function suggestBin(q: Queryable, centerId: string, sizeClass: SizeClass, opts: { operatorId: string; exclude?: string[] }): Promise<BinSuggestion | null> {
  const exclude = opts.exclude ?? [];
  const candidates = exclude.length ? await candidateBins(q, centerId, sizeClass, exclude) : await candidatesOf(q, { centerId, sizeClass });
  const chosen = chooseBin(candidates, opts.operatorId);
  if (!chosen) return null;
  return { id: chosen.id, code: chosen.code, zoneCode: chosen.zoneCode, zoneName: chosen.zoneName, occupied: chosen.occupied, capacity: chosen.capacity };
}

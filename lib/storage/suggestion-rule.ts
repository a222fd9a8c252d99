/** A bin with room, as the suggestion query returns it (in pick-path order). */
export type CandidateBin = { id: string; code: string; occupied: number; capacity: number; pickSequence: number };

/** How many bins with room, nearest the pick path first, the rule chooses among. */
export const suggestionWindow = 8;

/**
 * Chooses the bin to suggest among the first bins with room along the pick path: the least filled
 * one (by share of capacity), so load spreads instead of piling into the first bin; of equally
 * filled bins the one nearest the start of the path. Full or zero-capacity bins are never chosen.
 */
export function chooseBin<T extends CandidateBin>(candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const bin of candidates.slice(0, suggestionWindow)) {
    if (bin.capacity <= 0 || bin.occupied >= bin.capacity) continue;
    if (!best) {
      best = bin;
      continue;
    }
    const fill = bin.occupied / bin.capacity;
    const bestFill = best.occupied / best.capacity;
    if (fill < bestFill || (fill === bestFill && bin.pickSequence < best.pickSequence)) best = bin;
  }
  return best;
}

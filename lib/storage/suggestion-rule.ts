/** A bin with room, as the suggestion query returns it (in pick-path order). */
export type CandidateBin = { id: string; code: string; occupied: number; capacity: number; pickSequence: number };

/** How many bins with room, nearest the pick path first, the rule chooses among. */
export const suggestionWindow = 8;

/**
 * Chooses the bin to suggest to one operator among the first bins with room along the pick path.
 * Each candidate is chosen for a share of the operators in proportion to its free slots, so the
 * emptier a bin, the more operators are sent to it, equally good bins share the operators, and the
 * stations looking at the same moment are not all sent to one bin to race for its last slots. The
 * share is decided by a stable hash of the operator and the bin (weighted rendezvous hashing): the
 * same operator is sent to the same bin while the bins stay as they are, and a bin filling up or
 * leaving the window moves only the operators it had. Full or zero-capacity bins are never chosen.
 */
export function chooseBin<T extends CandidateBin>(candidates: readonly T[], operatorKey: string): T | null {
  let best: T | null = null;
  let bestScore = 0;
  for (const bin of candidates.slice(0, suggestionWindow)) {
    const room = bin.capacity - bin.occupied;
    if (room <= 0) continue;
    // -ln(u) of a uniform u in (0, 1) is exponential: room / -ln(u) is highest for each bin with
    // probability room / (sum of the candidates' room).
    const score = room / -Math.log(uniformOf(`${operatorKey}\u0000${bin.id}`));
    if (!best || score > bestScore) {
      best = bin;
      bestScore = score;
    }
  }
  return best;
}

/** A number in (0, 1) from a string, the same every time (FNV-1a, then a 32-bit mixing finaliser). */
export function uniformOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) + 0.5) / 0x1_0000_0000;
}

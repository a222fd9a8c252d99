import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { cycleCounts, inspections, items, type ItemState } from "@/db/schema";
import { countAwaitingAddress } from "@/lib/dispatch/return-address";

/** The stations whose header link shows how much work waits there (keys of lib/navigation.ts). */
export const waitingStations = ["inspect", "review", "putaway", "storageCount", "pick", "pack", "handover", "quarantine"] as const;
export type WaitingStation = (typeof waitingStations)[number];
export type WaitingWork = Record<WaitingStation, number>;

/** Which item state is each station's waiting work (inspection: received and not going back unopened). */
const itemStations = {
  putaway: "awaiting_putaway",
  pick: "awaiting_pick",
  pack: "awaiting_pack",
  handover: "packed",
  quarantine: "quarantined",
} as const satisfies Partial<Record<WaitingStation, ItemState>>;

/**
 * What waits at each station of a center, for the header's counts. Four small statements, each on
 * an index (items by center and state, inspections by center and status, counts by center and
 * status, returns waiting for an address), so the header can poll it. Packing leaves out the returns
 * that cannot be packed until their seller's address comes.
 */
export async function countWaitingWork(q: Queryable, centerId: string): Promise<WaitingWork> {
  const states = ["received", ...Object.values(itemStations)] as ItemState[];
  const byState = await q
    .select({ state: items.state, n: count(), toInspect: sql<number>`count(*) filter (where not ${items.returnToSeller})`.mapWith(Number) })
    .from(items)
    .where(and(eq(items.centerId, centerId), inArray(items.state, states)))
    .groupBy(items.state);
  const [review] = await q
    .select({ n: count() })
    .from(inspections)
    .where(and(eq(inspections.centerId, centerId), eq(inspections.status, "awaiting_review")));
  const [counts] = await q
    .select({ n: count() })
    .from(cycleCounts)
    .where(and(eq(cycleCounts.centerId, centerId), eq(cycleCounts.status, "planned")));
  const noAddress = await countAwaitingAddress(q, centerId, { atPacking: true });
  const ofState = (state: ItemState) => byState.find((row) => row.state === state)?.n ?? 0;
  return {
    inspect: byState.find((row) => row.state === "received")?.toInspect ?? 0,
    review: review?.n ?? 0,
    storageCount: counts?.n ?? 0,
    putaway: ofState(itemStations.putaway),
    pick: ofState(itemStations.pick),
    pack: Math.max(0, ofState(itemStations.pack) - noAddress),
    handover: ofState(itemStations.handover),
    quarantine: ofState(itemStations.quarantine),
  };
}

"use client";

import { isSettled, type QueuedScan } from "@/lib/offline/queued-scan";
import { useOfflineQueue } from "./offline-queue-provider";

/**
 * How many of the signed-in person's scans that `match` still wait in the device's queue: a screen
 * counts what it has queued (photos of an inspection, parcels of a manifest) as it will be.
 */
export function useQueuedCount(match: (scan: QueuedScan) => boolean): number {
  const queue = useOfflineQueue();
  if (!queue) return 0;
  return queue.scans.filter((s) => s.userId === queue.user.id && !isSettled(s) && match(s)).length;
}

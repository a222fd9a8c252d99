import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { foldAndSweep, upkeepTick } from "@/lib/rollups/fold-loop";
import { abortablePause } from "@/lib/time/abortable-pause";
import { purgeScanRequests } from "@/lib/scans/purge-scan-requests";
import { relayOnce, type RelayReport } from "./webhook-relay";

/** How often the relay also deletes expired scan answers (lib/scans/purge-scan-requests.ts). */
const purgeEveryMs = 60 * 60 * 1000;

/**
 * Runs the webhook relay until `signal` aborts: one pass, then a pause. Used by `npm run relay`;
 * with the embedded database (one process only) the app's start script can run it in-process.
 * Once an hour (and at the start) a pass also deletes scan answers past their retention; every
 * second it runs a tick of the periodic upkeep (foldAndSweep: folds a bounded batch of the desk's
 * rollup deltas, so the dashboard's reads stay small, and releases a few timed-out inspection claims).
 */
export async function runRelayLoop(
  db: Db,
  options: {
    signal: AbortSignal;
    intervalMs?: number;
    onPass?: (report: RelayReport) => void;
    onPurge?: (deleted: number) => void;
    onFold?: (folded: number) => void;
    onError?: (error: unknown) => void;
  },
): Promise<void> {
  const owner = `relay-${randomUUID()}`;
  let nextPurge = 0;
  let nextFold = 0;
  while (!options.signal.aborted) {
    try {
      const report = await relayOnce(db, { now: new Date(), owner });
      options.onPass?.(report);
    } catch (error) {
      options.onError?.(error);
    }
    if (Date.now() >= nextPurge) {
      nextPurge = Date.now() + purgeEveryMs;
      try {
        // Apart from the callback: an optional call with no callee skips its arguments (the work too).
        const deleted = await purgeScanRequests(db, { now: new Date() });
        options.onPurge?.(deleted);
      } catch (error) {
        options.onError?.(error);
      }
    }
    if (Date.now() >= nextFold) {
      nextFold = Date.now() + upkeepTick.everyMs;
      await foldAndSweep(db, options);
    }
    await abortablePause(options.intervalMs ?? 1000, options.signal);
  }
}

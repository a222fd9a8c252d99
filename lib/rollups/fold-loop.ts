import type { Db } from "@/db/client";
import { sweepExpiredClaims } from "@/lib/inspection/sweep-expired-claims";
import { abortablePause } from "@/lib/time/abortable-pause";
import { foldRollups } from "./fold-rollups";

/**
 * How much one tick of the periodic upkeep may do. A tick is short and frequent rather than long
 * and rare: a station's scan that lands beside a tick should not wait for a core behind it. One
 * fold statement of 1,000 deltas costs PostgreSQL about 3 ms; two per tick fold 2,000 deltas a
 * second, several times what 300 stations at their peak write (a transition writes 2–4). A release
 * of a timed-out claim is a transition of its own, so a tick releases at most five.
 */
export const upkeepTick = { everyMs: 1000, foldBatch: 1000, foldBatches: 2, releases: 5 };

/**
 * Folds the desk's rollup deltas and releases timed-out inspection claims (sweepExpiredClaims)
 * every `intervalMs` until `signal` aborts. The app runs it itself
 * (instrumentation.ts) when the relay, which also folds, is not in its process; so a deployment
 * that runs no `npm run relay` still folds and the dashboard's reads stay small. Several app
 * instances and a relay may all run it: `rollup_fold` lets one folder at a time in (an advisory
 * lock) and the others return 0 at once, and sweeps take disjoint claims. `db` is asked for on
 * every pass (a database down at start or later is an error of that pass, and the next pass tries again).
 */
export async function runFoldLoop(
  db: () => Promise<Db>,
  options: { signal: AbortSignal; intervalMs?: number; onFold?: (folded: number) => void; onError?: (error: unknown) => void },
): Promise<void> {
  while (!options.signal.aborted) {
    try {
      await foldAndSweep(await db(), options);
    } catch (error) {
      options.onError?.(error);
    }
    await abortablePause(options.intervalMs ?? upkeepTick.everyMs, options.signal);
  }
}

/** The databases a tick of this process is running on: a second caller (the relay loop beside the fold loop) skips instead of running it twice at once. */
const ticking = new WeakSet<Db>();

/**
 * One tick of the periodic upkeep (this loop's and the relay's), bounded by `upkeepTick`: folds
 * rollup deltas, then releases timed-out claims. Each step's error goes to `onError` and does not
 * stop the other. Returns false when another tick of this process was still running (nothing done).
 */
export async function foldAndSweep(db: Db, options: { onFold?: (folded: number) => void; onError?: (error: unknown) => void }): Promise<boolean> {
  if (ticking.has(db)) return false;
  ticking.add(db);
  try {
    try {
      // Apart from the callback: an optional call with no callee skips its arguments, here the fold
      // itself (tests/architecture/optional-call-arguments.test.ts).
      const folded = await foldRollups(db, { batchSize: upkeepTick.foldBatch, maxBatches: upkeepTick.foldBatches });
      options.onFold?.(folded);
    } catch (error) {
      options.onError?.(error);
    }
    try {
      await sweepExpiredClaims(db, new Date(), { limit: upkeepTick.releases });
    } catch (error) {
      options.onError?.(error);
    }
  } finally {
    ticking.delete(db);
  }
  return true;
}

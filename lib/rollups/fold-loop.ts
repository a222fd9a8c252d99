import type { Db } from "@/db/client";
import { sweepExpiredClaims } from "@/lib/inspection/sweep-expired-claims";
import { abortablePause } from "@/lib/time/abortable-pause";
import { foldRollups } from "./fold-rollups";

/**
 * Folds the desk's rollup deltas and releases timed-out inspection claims (sweepExpiredClaims)
 * every `intervalMs` until `signal` aborts. The app runs it itself
 * (instrumentation.ts) when the relay, which also folds, is not in its process; so a deployment
 * that runs no `npm run relay` still folds and the dashboard's reads stay small. Several app
 * instances and a relay may all run it: `rollup_fold` lets one folder at a time in (an advisory
 * lock) and the others return 0 at once. `db` is asked for on every pass (a database down at start or
 * later is an error of that pass, and the next pass tries again).
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
    await abortablePause(options.intervalMs ?? 10_000, options.signal);
  }
}

/**
 * One pass of the periodic upkeep (this loop's and the relay's): folds the rollup deltas, then
 * releases timed-out claims. Each step's error goes to `onError` and does not stop the other.
 */
export async function foldAndSweep(db: Db, options: { onFold?: (folded: number) => void; onError?: (error: unknown) => void }): Promise<void> {
  try {
    // Apart from the callback: an optional call with no callee skips its arguments, here the fold
    // itself (tests/architecture/optional-call-arguments.test.ts).
    const folded = await foldRollups(db);
    options.onFold?.(folded);
  } catch (error) {
    options.onError?.(error);
  }
  try {
    await sweepExpiredClaims(db);
  } catch (error) {
    options.onError?.(error);
  }
}

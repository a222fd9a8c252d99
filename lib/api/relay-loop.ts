import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { relayOnce, type RelayReport } from "./webhook-relay";

/**
 * Runs the webhook relay until `signal` aborts: one pass, then a pause. Used by `npm run relay`;
 * with the embedded database (one process only) the app's start script can run it in-process.
 */
export async function runRelayLoop(
  db: Db,
  options: { signal: AbortSignal; intervalMs?: number; onPass?: (report: RelayReport) => void; onError?: (error: unknown) => void },
): Promise<void> {
  const owner = `relay-${randomUUID()}`;
  while (!options.signal.aborted) {
    try {
      const report = await relayOnce(db, { now: new Date(), owner });
      options.onPass?.(report);
    } catch (error) {
      options.onError?.(error);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.intervalMs ?? 1000);
      options.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });
  }
}

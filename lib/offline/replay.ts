import { applyOutcome, markSending, nextToSend, type QueuedScan, type SendOutcome } from "./queued-scan";
import type { QueueStore } from "./queue-store";

export type ReplayOptions = {
  userId: string;
  /** Sends one scan with its scan id and says what came back. */
  send: (scan: QueuedScan) => Promise<SendOutcome>;
  /** Told of every change of a scan (the screen updates its list, a waiting screen its answer). */
  onChange?: (scan: QueuedScan, outcome?: SendOutcome) => void;
  now?: () => number;
  random?: () => number;
};

export type ReplayReport = { done: number; refused: number; failed: number };

/**
 * Sends the user's queued scans one at a time, oldest first, each answer matched to its scan by
 * scan id: done and refused are final, a failure keeps the scan (with its back-off) and ends the
 * pass, so nothing overtakes it. Only one pass should run at a time per device (the caller holds a
 * lock); a second one would send nothing twice in effect anyway, since every send carries its
 * scan id.
 */
export async function replayQueue(store: QueueStore, options: ReplayOptions): Promise<ReplayReport> {
  const now = options.now ?? Date.now;
  const report: ReplayReport = { done: 0, refused: 0, failed: 0 };
  for (;;) {
    const next = nextToSend(await store.all(), options.userId, now());
    if (!next) return report;
    const sending = markSending(next);
    await store.update(sending);
    options.onChange?.(sending);
    const outcome = await options.send(sending);
    const settled = applyOutcome(sending, outcome, now(), options.random);
    await store.update(settled);
    options.onChange?.(settled, outcome);
    if (outcome.kind === "failed") {
      report.failed++;
      return report;
    }
    report[outcome.kind]++;
  }
}

/**
 * One station action kept in the browser while the network is away, and the rules of its life:
 *
 *   pending ──send──▶ sending ──answer──▶ done        (the server did it, or had done it: same scan id)
 *                        │            └─▶ refused     (the server said no: final, shown with its reason)
 *                        └─no answer──▶ retrying ──(back-off elapsed, or the network is back)──▶ sending
 *
 * Plain data (it is stored in IndexedDB as it is) and pure functions; no browser, no React.
 */
export type QueuedState = "pending" | "sending" | "retrying" | "done" | "refused";

/**
 * The request as data: a station route and its JSON body (the scan id is added when sent), or,
 * with `file`, a multipart upload of the file with `body` as its text fields (a photo taken
 * offline: IndexedDB keeps the blob itself).
 */
export type QueuedRequest = { url: string; body: Record<string, unknown>; file?: QueuedFile };

export type QueuedFile = { field: string; blob: Blob; name: string };

/** The line the queue list shows: a message key of the screens' texts and its params. */
export type QueuedSummary = { key: string; params: Record<string, string | number> };

export type QueuedError = { code: string; status: number; params: Record<string, string | number> };

export type QueuedScan = {
  /** The action's scan id: the server does it once whatever the number of sends (withScanId). */
  scanId: string;
  /** Order of queueing on this device (replayed in this order). */
  seq: number;
  /** What the person meant to do (the station hook's intent key): a repeat press reuses the entry. */
  intent: string;
  userId: string;
  userName: string;
  /** The station page (receive, inspect, putaway, pick, pack, handover, …). */
  station: string;
  /** The device's station id (x-legit-station). */
  device: string;
  queuedAt: number;
  request: QueuedRequest;
  summary: QueuedSummary;
  state: QueuedState;
  attempts: number;
  /** When a retrying scan may go again (epoch ms). */
  nextAttemptAt: number;
  /** The last failure (retrying) or the refusal (refused). */
  error?: QueuedError;
  settledAt?: number;
};

/** What one send of a queued scan came back with. */
export type SendOutcome =
  | { kind: "done"; result: unknown }
  | { kind: "refused"; error: QueuedError }
  | { kind: "failed"; error: QueuedError };

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * How long to wait before the next try after `attempts` failed sends: 2 s, 4 s, 8 s … capped at
 * five minutes, spread by ±20% so a room of tablets coming back online does not send in step.
 */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const exact = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exact * (0.8 + 0.4 * random()));
}

/**
 * Which answers are final. No answer (network, timeout), a server failure (5xx), an expired
 * session (401: sign in again, the scan is kept), "too many requests" (429) and "request timeout"
 * (408) say nothing about the action: it goes again. Any other answer is the server's decision.
 */
export function isFinalStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

/** Failures that mean "the network, not the server": the action is queued instead of shown as an error. */
export function isNetworkStatus(status: number): boolean {
  return status === 0 || status === 502 || status === 503 || status === 504;
}

export function isSettled(scan: Pick<QueuedScan, "state">): boolean {
  return scan.state === "done" || scan.state === "refused";
}

/** The scan as it is being sent. */
export function markSending(scan: QueuedScan): QueuedScan {
  return { ...scan, state: "sending", attempts: scan.attempts + 1 };
}

/** The scan after an outcome of a send. */
export function applyOutcome(scan: QueuedScan, outcome: SendOutcome, now: number, random?: () => number): QueuedScan {
  switch (outcome.kind) {
    case "done":
      return { ...scan, state: "done", error: undefined, settledAt: now };
    case "refused":
      return { ...scan, state: "refused", error: outcome.error, settledAt: now };
    case "failed":
      return { ...scan, state: "retrying", error: outcome.error, nextAttemptAt: now + backoffMs(scan.attempts, random) };
  }
}

/** The user's scans still to send, in the order they were queued. */
export function unsettledOf(scans: readonly QueuedScan[], userId: string): QueuedScan[] {
  return scans.filter((s) => s.userId === userId && !isSettled(s)).sort((a, b) => a.seq - b.seq);
}

/**
 * The next scan to send, or null. Strictly in order: while the oldest unsettled scan waits for its
 * back-off, nothing behind it goes (a verdict must not overtake the checklist points before it).
 * A scan left "sending" (the tab closed mid-send) goes again: its scan id makes that harmless.
 */
export function nextToSend(scans: readonly QueuedScan[], userId: string, now: number): QueuedScan | null {
  const head = unsettledOf(scans, userId)[0];
  if (!head) return null;
  return head.state === "retrying" && head.nextAttemptAt > now ? null : head;
}

/**
 * The session ended while scans waited (a 401 on replay, e.g. after a shift's offline spell): the
 * scans stay, nothing is retried on a timer, and the person is asked to sign in again; they go
 * when the same person has signed in on this device (another person's sign-in leaves them waiting).
 */
export function needsSignIn(scans: readonly QueuedScan[], userId: string): boolean {
  const head = unsettledOf(scans, userId)[0];
  return head?.state === "retrying" && head.error?.status === 401;
}

/** The people whose scans wait on this device for them to sign in here again (not `userId`). */
export function waitingOwners(scans: readonly QueuedScan[], userId: string): string[] {
  return [...new Set(scans.filter((s) => s.userId !== userId && !isSettled(s)).map((s) => s.userName))];
}

/** The network is back: every waiting scan may go at once. */
export function dueNow(scan: QueuedScan, now: number): QueuedScan {
  return scan.state === "retrying" ? { ...scan, nextAttemptAt: now } : scan;
}

/** Counts the queue list and the header show. */
export function queueCounts(scans: readonly QueuedScan[], userId: string) {
  const mine = scans.filter((s) => s.userId === userId);
  return {
    waiting: mine.filter((s) => !isSettled(s)).length,
    refused: mine.filter((s) => s.state === "refused").length,
    done: mine.filter((s) => s.state === "done").length,
    /** Scans queued by someone else on this device: they go when that person signs in here again. */
    others: scans.filter((s) => s.userId !== userId && !isSettled(s)).length,
  };
}

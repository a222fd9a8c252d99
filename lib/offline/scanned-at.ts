import { DomainError } from "@/lib/errors/domain-error";

/** The header a replayed action carries: when the person made the scan (ISO 8601), not when it was sent. */
export const scannedAtHeader = "x-legit-scanned-at";

/**
 * How old a queued scan may be and still tell its own time: a shift's offline spell, a night's
 * sleep of the tablet and the sign-in after it. An older time (a tablet whose clock is off, or a
 * station offline for longer: the device keeps its scans until they are sent) is recorded as this
 * old. Only the audit row's and the event's `scannedAt` say so; the screens show when each change
 * was recorded (`at`), and nothing is decided by the scan's own time.
 */
export const maxScanAgeMs = 24 * 60 * 60_000;

/**
 * The time a station action was made, from its header, bounded by the server's clock: never after
 * `now` (a tablet clock running ahead), never older than maxScanAgeMs. No header: undefined (the
 * action was sent when made; its commit time says when). A header that is not a time is refused.
 */
export function scannedAtOf(header: string | null, now: Date): Date | undefined {
  if (header === null || header.trim() === "") return undefined;
  const value = header.trim();
  const time = /^\d{1,15}$/.test(value) ? Number(value) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time)) {
    throw new DomainError("validation:scanned_at", `${scannedAtHeader}: send the time the scan was made (ISO 8601).`, {
      issues: [{ path: "scannedAt", code: "invalid_format", message: "ISO 8601 time" }],
    });
  }
  return new Date(Math.min(now.getTime(), Math.max(now.getTime() - maxScanAgeMs, time)));
}

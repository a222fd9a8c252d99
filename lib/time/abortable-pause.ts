/**
 * Waits `ms`, or less if `signal` aborts first. The abort listener goes with its pause (one left
 * behind per pass of a loop would pile up on the signal).
 */
export function abortablePause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

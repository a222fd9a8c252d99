/**
 * True when an error means the database cannot be reached right now (refused or dropped
 * connection, server shutting down or starting, too many connections), whichever driver raised
 * it: such requests are answered 503 with Retry-After, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as typeof e, depth++) {
    const code = typeof e.code === "string" ? e.code : "";
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT"].includes(code)) return true;
    // 08xxx connection exceptions, 57P01–57P03 admin shutdown / crash shutdown / cannot connect now, 53300 too many connections.
    if (/^08...$/.test(code) || /^57P0[123]$/.test(code) || code === "53300") return true;
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

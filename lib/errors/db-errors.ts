/**
 * A unique-index violation (PostgreSQL 23505), whichever driver raised it (drizzle wraps driver
 * errors in `cause`); optionally only for one constraint.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === "object" && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return !constraint || e.constraint === constraint || e.constraint_name === constraint;
  }
  return false;
}

/**
 * PostgreSQL refused a value itself (class 22: out of range, NUL byte, untranslatable character,
 * too long): the input was bad, not the server.
 */
export function isDataException(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && typeof e === "object" && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  return false;
}

/**
 * Declares a route handler public on purpose (no session, no API token), with the reason. It changes
 * nothing at run time; tests/architecture/route-policies.test.ts accepts only routes that go through
 * staffRoute, staffFileRoute, apiRoute or this.
 */
export function publicRoute<H extends (...args: never[]) => unknown>(reason: string, handler: H): H {
  void reason;
  return handler;
}

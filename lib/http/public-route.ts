import { withPolicy } from "./route-policy";

/**
 * Declares a route handler public on purpose (no session, no API token), with the reason. It changes
 * nothing at run time but the policy it attaches (read by the access matrix in tests/http);
 * tests/architecture/route-policies.test.ts accepts only routes that go through staffRoute,
 * staffFileRoute, apiRoute or this.
 */
export function publicRoute<H extends (...args: never[]) => unknown>(reason: string, handler: H): H {
  return withPolicy(handler, { kind: "public", reason });
}

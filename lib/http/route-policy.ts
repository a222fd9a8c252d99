import type { Role } from "@/db/schema/users";

/**
 * Who may call a route handler, as its wrapper declared it. The wrappers (staffRoute,
 * staffFileRoute, apiRoute, publicRoute) attach it to the handler they return, so the access matrix
 * (tests/http) reads every route's policy from the route files themselves, with nothing to keep in step.
 */
export type RoutePolicy =
  | { kind: "staff"; roles: readonly Role[] | "any-staff"; body: "json" | "multipart" | "none" }
  | { kind: "api" }
  | { kind: "public"; reason: string };

export function withPolicy<H extends object>(handler: H, policy: RoutePolicy): H & { policy: RoutePolicy } {
  return Object.assign(handler, { policy });
}

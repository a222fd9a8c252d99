import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { request, type HttpAnswer, type Station } from "@/scripts/bench/http-client";
import type { Method, RouteHandler } from "./route-inventory";

export type Caller = { kind: "anonymous" } | { kind: "staff"; station: Station } | { kind: "api"; token: string };

/**
 * One request as the route's own client sends it: a screen's write is JSON (or multipart for
 * uploads) from our own origin, an API call carries a bearer token.
 */
export function call(base: string, caller: Caller, method: Method, path: string, handler: RouteHandler, body?: string): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  if (caller.kind === "staff") headers.cookie = caller.station.cookie;
  if (caller.kind === "api") headers.authorization = `Bearer ${caller.token}`;
  let payload: string | undefined;
  if (method !== "GET") {
    if (handler.policy.kind === "staff" && handler.policy.body === "multipart") {
      const boundary = `----legit${randomUUID().replaceAll("-", "")}`;
      headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
      payload = body ?? `--${boundary}\r\nContent-Disposition: form-data; name="scanId"\r\n\r\n${randomUUID()}\r\n--${boundary}--\r\n`;
    } else {
      headers["content-type"] = "application/json";
      payload = body ?? "{}";
    }
  }
  return request(base, method, path, { headers, body: payload });
}

/** An error answer in the one shape, with no stack trace in it. */
export function expectErrorShape(answer: HttpAnswer, what: string): { code: string; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    throw new Error(`${what}: HTTP ${answer.status} is not JSON: ${answer.body.slice(0, 200)}`);
  }
  const error = (json as { error?: { code?: unknown; message?: unknown } }).error;
  expect(typeof error?.code, `${what}: ${answer.body.slice(0, 300)}`).toBe("string");
  expect(typeof error?.message, `${what}: ${answer.body.slice(0, 300)}`).toBe("string");
  expect(answer.body, what).not.toMatch(/\n\s+at |node_modules|\.tsx?:\d+/);
  return error as { code: string; message: string };
}

/**
 * Who may pass a role check, as DESIGN.md says it: the roles named, plus admins everywhere,
 * managers wherever a non-admin role is named, senior inspectors wherever inspectors are.
 * Written out here on purpose rather than imported, so a change in lib/auth shows up as a failure.
 */
export function mayPass(role: Role, roles: readonly Role[] | "any-staff"): boolean {
  if (roles === "any-staff") return true;
  if (roles.includes(role) || role === "admin") return true;
  if (role === "manager") return roles.some((r) => r !== "admin");
  return role === "senior_inspector" && roles.includes("inspector");
}

/**
 * Rows per table, to show a request stored nothing. A refused station action is remembered for its
 * scan id (lib/scans/with-scan-id.ts), so a retry gets the same refusal: that row is the refusal,
 * not stored input, and is not counted.
 */
export async function tableRowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown as { table_name: string }[];
  const out: Record<string, number> = {};
  for (const { table_name } of tables) {
    const where = table_name === "scan_requests" ? sql` where response->'error' is null` : sql``;
    const [row] = (await db.execute(sql`select count(*)::int as n from ${sql.identifier(table_name)}${where}`)) as unknown as { n: number }[];
    out[table_name] = row.n;
  }
  return out;
}

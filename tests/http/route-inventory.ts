import path from "node:path";
import type { RoutePolicy } from "@/lib/http/route-policy";
import { root, sourceFiles } from "../architecture/source-files";

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof methods)[number];

export type RouteHandler = { method: Method; policy: RoutePolicy };
export type RouteEntry = {
  file: string;
  /** The URL path with its dynamic segments as written: /api/station/bins/[code]. */
  template: string;
  handlers: RouteHandler[];
};

/** app/api/x/[id]/route.ts → /api/x/[id]; route groups "(staff)" are not part of the URL. */
export function urlTemplate(file: string, leaf: "route" | "page"): string {
  const segments = file
    .replace(/^app\//, "")
    .replace(new RegExp(`(^|/)${leaf}\\.tsx?$`), "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/**
 * Every route of the app, walked from app/ as the architecture test walks it, with each handler's
 * policy read from the handler itself (the wrappers attach it: lib/http/route-policy.ts). A handler
 * without one fails here, as it fails the architecture test.
 */
export async function routeInventory(): Promise<RouteEntry[]> {
  const files = sourceFiles(["app"]).filter((f) => /\/route\.tsx?$/.test(f));
  const out: RouteEntry[] = [];
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const handlers: RouteHandler[] = [];
    for (const method of methods) {
      const handler = mod[method] as { policy?: RoutePolicy } | undefined;
      if (!handler) continue;
      if (!handler.policy) throw new Error(`${file}: ${method} carries no policy; make it with staffRoute, staffFileRoute, apiRoute or publicRoute`);
      handlers.push({ method, policy: handler.policy });
    }
    out.push({ file, template: urlTemplate(file, "route"), handlers });
  }
  return out;
}

/** Every page, with its URL template. */
export function pageInventory(): { file: string; template: string }[] {
  return sourceFiles(["app"])
    .filter((f) => /\/page\.tsx?$/.test(f))
    .map((file) => ({ file, template: urlTemplate(file, "page") }));
}

/** The route's path with each `[param]` filled from `values` (keyed "segment-before/[param]"). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const segments = template.split("/");
  return segments
    .map((segment, i) => {
      const m = segment.match(/^\[(\.\.\.)?(\w+)\]$/);
      if (!m) return segment;
      const key = `${segments[i - 1]}/${segment}`;
      const value = values[key];
      if (value === undefined) throw new Error(`No value for ${key} in ${template}: add one to tests/http/world.ts`);
      return m[1] ? value : encodeURIComponent(value);
    })
    .join("/");
}

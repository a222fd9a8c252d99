import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pages } from "@/lib/navigation";
import { read, root, sourceFiles } from "./source-files";

/**
 * Every route and page declares who may use it, through a wrapper, so none can forget the check.
 * Routes: `export const GET = staffRoute({ roles }, …)` (screens' JSON), `staffFileRoute` (PDF, ZPL,
 * photos), `apiRoute` (marketplace API, bearer token) or `publicRoute("why", …)`; or a factory
 * imported from a module that itself calls one of these (e.g. printFileRoute).
 * Pages: `requirePageAccess("/href")` (roles from lib/navigation.ts), `requireStaffPage(roles)`, or
 * `publicPage("/href")` — called in the page file itself.
 */
const wrappers = ["staffRoute", "staffFileRoute", "apiRoute", "publicRoute"];
const methods = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";
const howToFix =
  "Wrap it: `export const GET = staffRoute({ roles: [...] }, handler)` for a screen's JSON, `staffFileRoute` for a file answer, " +
  "`apiRoute` for /api/v1, or `publicRoute(\"why it is public\", handler)`; pages call `requirePageAccess(\"/href\")` " +
  "(add the page to lib/navigation.ts), `requireStaffPage(roles)` or `publicPage(\"/href\")` in the page file.";

const callsWrapper = (source: string) => wrappers.some((w) => new RegExp(`\\b${w}\\s*[(<]`).test(source));

/** The file a name is imported from in `source`, if it is one of ours. */
function importedFrom(file: string, source: string, name: string): string | null {
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    const names = m[1].split(",").map((n) => n.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop());
    if (!names.includes(name)) continue;
    const spec = m[2];
    const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(path.join(root, file)), spec) : null;
    if (!base) return null;
    for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(candidate)) return path.relative(root, candidate);
  }
  return null;
}

function routeProblems(file: string): string[] {
  const source = read(file);
  const problems: string[] = [];
  for (const m of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?function\\s+(${methods})\\b`, "g"))) problems.push(`${m[1]} is a bare function`);
  if (new RegExp(`export\\s*\\{[^}]*\\b(${methods})\\b[^}]*\\}`).test(source) || new RegExp(`export\\s+const\\s*\\{`).test(source)) {
    problems.push("re-exports a handler without a wrapper");
  }
  let handlers = 0;
  for (const m of source.matchAll(new RegExp(`export\\s+const\\s+(${methods})\\s*=\\s*(\\w+)\\s*[(<]`, "g"))) {
    handlers++;
    const [, method, fn] = m;
    if (wrappers.includes(fn)) continue;
    const from = importedFrom(file, source, fn);
    if (from && callsWrapper(read(from))) continue;
    problems.push(`${method} = ${fn}(…) is neither a wrapper nor a factory from a module that uses one`);
  }
  for (const m of source.matchAll(new RegExp(`export\\s+const\\s+(${methods})\\s*=\\s*(\\S+)`, "g"))) {
    if (!/^\w+\s*[(<]/.test(m[2])) problems.push(`${m[1]} is not made by a wrapper`);
  }
  if (handlers === 0 && problems.length === 0) problems.push("exports no handler made by a wrapper");
  return problems;
}

const pagePolicy = /\b(requirePageAccess|publicPage)\(\s*"([^"]+)"\s*\)|\brequireStaffPage\(/;

describe("every route and page declares its access policy", () => {
  const files = sourceFiles(["app"]);

  it("route handlers go through staffRoute, staffFileRoute, apiRoute or publicRoute", () => {
    const routes = files.filter((f) => /\/route\.tsx?$/.test(f));
    expect(routes.length).toBeGreaterThan(30);
    const failures = routes.flatMap((f) => routeProblems(f).map((p) => `${f}: ${p}`));
    expect(failures, howToFix).toEqual([]);
  });

  it("pages call requirePageAccess, requireStaffPage or publicPage, and requirePageAccess names a page of the table", () => {
    const pageFiles = files.filter((f) => /\/page\.tsx?$/.test(f));
    expect(pageFiles.length).toBeGreaterThan(10);
    const hrefs = new Set<string>(pages.map((p) => p.href));
    const failures: string[] = [];
    for (const f of pageFiles) {
      const source = read(f);
      const m = source.match(pagePolicy);
      if (!m) failures.push(`${f}: no access policy`);
      else if (m[2] && !hrefs.has(m[2])) failures.push(`${f}: "${m[2]}" is not in lib/navigation.ts`);
    }
    expect(failures, howToFix).toEqual([]);
  });

  it("catches a bare handler and a page without a policy (the checks can fail)", () => {
    expect(callsWrapper("export async function GET() {}")).toBe(false);
    expect(pagePolicy.test("export default async function Page() { return null; }")).toBe(false);
  });
});

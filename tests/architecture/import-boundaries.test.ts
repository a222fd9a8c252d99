import path from "node:path";
import { describe, expect, it } from "vitest";
import { read, sourceFiles } from "./source-files";

/** Every module a file imports (static, dynamic, re-export, require), as a path from the repository root when it is ours. */
export function importedPaths(file: string): string[] {
  const specifiers = [...read(file).matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]);
  return specifiers.map((s) => {
    if (s.startsWith("@/")) return s.slice(2);
    if (s.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), s));
    return s;
  });
}

const importersOf = (files: string[], folder: string) =>
  files.filter((f) => importedPaths(f).some((p) => p === folder || p.startsWith(`${folder}/`)));

describe("import boundaries", () => {
  it("routes and lib/ never import from components/ (wire types live next to their domain in lib/)", () => {
    const offenders = importersOf(sourceFiles(["app/api", "lib"]), "components");
    expect(offenders, "Move the type or mapper the route needs into lib/<area>/ and import it from there in the component too.").toEqual([]);
  });

  it("the app never imports the tooling in scripts/ (simulator, demo tokens, bench)", () => {
    const offenders = importersOf([...sourceFiles(["app", "lib", "components"]), "instrumentation.ts", "auth.ts", "proxy.ts"], "scripts");
    expect(offenders).toEqual([]);
  });

  it("sees imports in every form (so the checks above look at the right thing)", () => {
    expect(importedPaths("components/receiving/receive-station.tsx")).toContain("lib/receiving/wire-types");
    expect(importedPaths("instrumentation.ts")).toContain("lib/api/relay-loop");
    expect(importedPaths("scripts/simulator/marketplace-simulator.ts")).toContain("scripts/simulator/order-generator");
  });
});

import { describe, expect, it } from "vitest";
import { read, sourceFiles } from "./source-files";

/**
 * `callback?.(await work())` runs `work` only when `callback` is given: an optional call that finds
 * no callee skips its arguments too. The fold loops once folded nothing unless someone listened
 * (lib/rollups/fold-loop.ts, lib/api/relay-loop.ts). Work goes in a statement of its own.
 */
describe("optional calls", () => {
  it("never await (or otherwise do) the work in their arguments", () => {
    const files = [...sourceFiles(["app", "lib", "db", "components", "scripts"]), "instrumentation.ts"];
    const offenders = files.filter((f) => /\?\.\(\s*await\b/.test(read(f)));
    expect(offenders, "Do the work first (`const r = await work(); onDone?.(r);`).").toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { demoApiTokens } from "@/scripts/demo-tokens";
import { read, sourceFiles } from "./source-files";

describe("demo API tokens", () => {
  it("are never rendered by a page or route (they are in the README and the demo seed only)", () => {
    const offenders = sourceFiles(["app", "components"]).filter((f) => {
      const text = read(f);
      return text.includes("demo-tokens") || Object.values(demoApiTokens).some((token) => text.includes(token));
    });
    expect(offenders).toEqual([]);
  });
});

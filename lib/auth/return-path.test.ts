import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/pack")).toBe("/pack");
    expect(safeReturnPath("/items/IT3A6W1155MVZ?tab=history")).toBe("/items/IT3A6W1155MVZ?tab=history");
  });

  it("sends anything that could leave the site, or is not a path, home", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/pack", "evil.example", "", " /pack", "/pa\tck", "/pack\\x", "/\u0000", 42, null, undefined, `/${"a".repeat(500)}`]) {
      expect(safeReturnPath(bad), String(bad)).toBe("/");
    }
  });

  it("does not come back to the sign-in page itself", () => {
    expect(safeReturnPath("/login")).toBe("/");
    expect(safeReturnPath("/login?next=/pack")).toBe("/");
  });
});

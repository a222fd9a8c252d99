import { describe, expect, it } from "vitest";
import { hasRole } from "./staff-context";

describe("hasRole", () => {
  it("lets each role do its own work", () => {
    expect(hasRole("operator", ["operator"])).toBe(true);
    expect(hasRole("inspector", ["inspector"])).toBe(true);
  });

  it("keeps floor roles to their own stations", () => {
    expect(hasRole("operator", ["inspector"])).toBe(false);
    expect(hasRole("inspector", ["operator"])).toBe(false);
    expect(hasRole("inspector", ["senior_inspector"])).toBe(false);
    expect(hasRole("operator", ["manager", "admin"])).toBe(false);
  });

  it("lets a senior inspector inspect, and a manager do floor work but not admin work", () => {
    expect(hasRole("senior_inspector", ["inspector"])).toBe(true);
    expect(hasRole("manager", ["operator"])).toBe(true);
    expect(hasRole("manager", ["senior_inspector"])).toBe(true);
    expect(hasRole("manager", ["admin"])).toBe(false);
    expect(hasRole("admin", ["admin"])).toBe(true);
    expect(hasRole("admin", ["operator"])).toBe(true);
  });
});

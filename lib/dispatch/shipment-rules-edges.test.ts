import { describe, expect, it } from "vitest";
import { isReturn } from "./shipment-rules";

describe("shipment rules: edges", () => {
  it("only a shipment to the seller is a return", () => {
    expect(isReturn("seller")).toBe(true);
    expect(isReturn("buyer")).toBe(false);
  });
});

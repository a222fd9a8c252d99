import { describe, expect, it } from "vitest";
import { productNameIn } from "./product-name";

describe("product names: edges", () => {
  it("collapses runs of spaces in a name to one", () => {
    expect(productNameIn("en", { productName: "Nike   Dunk \n Low" })).toBe("Nike Dunk Low");
  });
  it("a Korean screen with no Korean or announced name shows the English catalogue name, and the other way round", () => {
    expect(productNameIn("ko", { productName: " ", productNameEn: "Dunk Low" })).toBe("Dunk Low");
    expect(productNameIn("en", { productName: "", productNameKo: "덩크 로우" })).toBe("덩크 로우");
  });
});

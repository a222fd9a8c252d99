import { describe, expect, it } from "vitest";
import { otherProductName, productNameIn } from "./product-name";

const dunk = { productName: "Nike Dunk Low Retro White Black", productNameKo: "나이키 덩크 로우 레트로 화이트 블랙", productNameEn: "Nike Dunk Low Retro White Black" };

describe("productNameIn", () => {
  it("shows the catalogue's name in the screen's language", () => {
    expect(productNameIn("ko", dunk)).toBe("나이키 덩크 로우 레트로 화이트 블랙");
    expect(productNameIn("en", dunk)).toBe("Nike Dunk Low Retro White Black");
  });

  it("falls back to the announced name, then the catalogue's other name", () => {
    expect(productNameIn("ko", { productName: "Essentials Hoodie" })).toBe("Essentials Hoodie");
    expect(productNameIn("en", { productName: "  ", productNameKo: "에센셜 후디", productNameEn: null })).toBe("에센셜 후디");
    expect(productNameIn("en", { productName: "에센셜 후디", productNameKo: "에센셜 후디", productNameEn: "" })).toBe("에센셜 후디");
    expect(productNameIn("ko", { productName: "Announced", productNameKo: " ", productNameEn: "Catalogue" })).toBe("Announced");
  });

  it("names the other language's catalogue name only when it differs", () => {
    expect(otherProductName("ko", dunk)).toBe("Nike Dunk Low Retro White Black");
    expect(otherProductName("en", dunk)).toBe("나이키 덩크 로우 레트로 화이트 블랙");
    expect(otherProductName("en", { productName: "X", productNameEn: "Same", productNameKo: "Same" })).toBeNull();
    expect(otherProductName("ko", { productName: "Essentials Hoodie" })).toBeNull();
  });
});

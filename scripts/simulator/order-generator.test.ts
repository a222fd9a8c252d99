import { describe, expect, it } from "vitest";
import { announceOrderSchema } from "@/lib/api/schemas";
import { generateOrder, makeRng } from "./order-generator";

const catalog = [
  { sku: "DD1391-100", nameEn: "Nike Dunk Low Retro White Black", category: "sneakers", releasePrice: 129000, sizes: "220-300/5" },
  { sku: "126610LN", nameEn: "Rolex Submariner Date 41 Black", category: "watches", releasePrice: 14120000, sizes: "ONE SIZE" },
  { sku: "STU-BASIC-TEE-BLK", nameEn: "Stussy Basic Logo T-Shirt Black", category: "apparel", releasePrice: 65000, sizes: "S|M|L|XL|XXL" },
];

describe("simulated orders", () => {
  it("are valid announce bodies, with a buyer exactly for trades", () => {
    const rng = makeRng(1);
    for (let i = 0; i < 200; i++) {
      const type = i % 2 ? "trade" : "storage";
      const order = generateOrder(rng, { catalog, centerCode: i % 3 ? "SEL" : "TYO", type, externalId: `SIM-${i}` });
      expect(announceOrderSchema.safeParse(order).success, JSON.stringify(order)).toBe(true);
      expect(Boolean(order.buyer)).toBe(type === "trade");
      for (const item of order.items) {
        const product = catalog.find((p) => p.sku === item.sku)!;
        if (product.sizes === "220-300/5") expect(Number(item.size) % 5).toBe(0);
        else expect(product.sizes.split("|")).toContain(item.size);
      }
    }
  });

  it("repeat with the same seed", () => {
    const a = generateOrder(makeRng(42), { catalog, centerCode: "SEL", type: "trade", externalId: "X" });
    const b = generateOrder(makeRng(42), { catalog, centerCode: "SEL", type: "trade", externalId: "X" });
    expect(a).toEqual(b);
  });
});

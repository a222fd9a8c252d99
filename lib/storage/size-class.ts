import type { SizeClass } from "@/db/schema/catalog";

/** The class of one boxed unit when the catalog does not know its product. */
const byCategory: Record<string, SizeClass> = { sneakers: "S", watches: "S", apparel: "M", tech: "M", bags: "L" };
const largeApparel = /^(XXL|2XL|3XL|4XL|XXXL)$/i;

/**
 * The storage size class of an item: its product's class from the catalog when known, otherwise
 * from its category (and, for apparel, a large size). Unknown categories go to M.
 */
export function sizeClassOf(item: { category: string; size: string }, productClass?: SizeClass | null): SizeClass {
  if (productClass) return productClass;
  const cls = byCategory[item.category.toLowerCase()] ?? "M";
  if (cls === "M" && item.category.toLowerCase() === "apparel" && largeApparel.test(item.size.trim())) return "L";
  return cls;
}

import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { SizeClass } from "@/db/schema/catalog";

/** The class of one boxed unit when the catalog does not know its product. */
const byCategory: Record<string, SizeClass> = { sneakers: "S", watches: "S", apparel: "M", tech: "M", bags: "L" };
const largeApparelSizes = new Set(["XXL", "2XL", "3XL", "4XL", "XXXL"]);

// As PostgreSQL's lower/upper/trim under COLLATE "C": ASCII letters only, spaces only.
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const asciiUpper = (s: string) => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
const trimSpaces = (s: string) => s.replace(/^ +| +$/g, "");

/**
 * The storage size class of an item: its product's class from the catalog when known, otherwise
 * from its category (and, for apparel, a large size). Unknown categories go to M. The TypeScript
 * twin of the database's `storage_size_class(category, size)` (db/migrations-extra/storage-size-class.sql),
 * which the stays trigger and `sizeClassSql` call; tests/integration/size-class-rule.test.ts holds
 * the two to the same answer for any category and size.
 */
export function sizeClassOf(item: { category: string; size: string }, productClass?: SizeClass | null): SizeClass {
  if (productClass) return productClass;
  const category = asciiLower(item.category);
  if (category === "apparel" && largeApparelSizes.has(asciiUpper(trimSpaces(item.size)))) return "L";
  return byCategory[category] ?? "M";
}

/**
 * The same rule as `sizeClassOf`, as an SQL expression over an item's product class, category and
 * size (for reports that aggregate in the database): the database's `storage_size_class`.
 */
export function sizeClassSql(productClass: SQLWrapper, category: SQLWrapper, size: SQLWrapper): SQL<SizeClass> {
  return sql<SizeClass>`coalesce(${productClass}, storage_size_class(${category}, ${size}))`;
}

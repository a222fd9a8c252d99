import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { SizeClass } from "@/db/schema/catalog";

/** The class of one boxed unit when the catalog does not know its product. */
const byCategory: Record<string, SizeClass> = { sneakers: "S", watches: "S", apparel: "M", tech: "M", bags: "L" };
const largeApparelSizes = ["XXL", "2XL", "3XL", "4XL", "XXXL"];
const largeApparel = new RegExp(`^(${largeApparelSizes.join("|")})$`, "i");

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

/**
 * The same rule as `sizeClassOf`, as an SQL expression over an item's product class, category and
 * size (for reports that aggregate in the database); built from the same tables.
 */
export function sizeClassSql(productClass: SQLWrapper, category: SQLWrapper, size: SQLWrapper): SQL<SizeClass> {
  const categories = Object.entries(byCategory).map(([name, cls]) => sql`when ${name} then ${cls}`);
  const large = sql.join(largeApparelSizes.map((s) => sql`${s}`), sql`, `);
  return sql<SizeClass>`coalesce(${productClass}, case
    when lower(${category}) = 'apparel' and upper(trim(${size})) in (${large}) then 'L'
    else (case lower(${category}) ${sql.join(categories, sql` `)} else 'M' end) end)`;
}

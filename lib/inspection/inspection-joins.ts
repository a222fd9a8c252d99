import { eq } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { inspections, items, products, users } from "@/db/schema";

/**
 * The one way to read inspections with their inspector: inspections ⋈ users on the inspector.
 * Callers pick the columns and add their own where, order and further joins (lists of inspected
 * items add `.innerJoin(items, itemOfInspection).leftJoin(products, productOfItem)`). Drizzle's
 * types cannot chain a second join inside a function generic in its columns, hence the join
 * conditions instead of a second helper.
 */
export function inspectionsWithInspector<T extends SelectedFields>(q: Queryable, fields: T) {
  return q.select(fields).from(inspections).innerJoin(users, eq(users.id, inspections.inspectorId));
}

/** The inspected item of an inspection. */
export const itemOfInspection = eq(items.id, inspections.itemId);

/** The columns every list of inspected items shows: which inspection, which item, who inspects it. */
export const inspectedItemColumns = {
  inspectionId: inspections.id,
  itemId: items.id,
  itemCode: items.code,
  productName: items.productName,
  productNameEn: products.nameEn,
  productNameKo: products.nameKo,
  inspectorId: inspections.inspectorId,
  inspectorName: users.name,
};

import { eq } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { items, products } from "@/db/schema";

/**
 * The columns of an item as a list row shows it: id, label code, the announced and the catalogue's
 * names (the screen picks one with `productNameIn`), size. Select them with `.leftJoin(products,
 * productOfItem)`; add the list's own columns beside them.
 */
export const itemRowColumns = {
  id: items.id,
  code: items.code,
  productName: items.productName,
  productNameKo: products.nameKo,
  productNameEn: products.nameEn,
  size: items.size,
};

/** The catalogue product of an item (left join: the catalogue may not know the SKU). */
export const productOfItem = eq(products.sku, items.sku);

/**
 * Items with their catalogue product (items ⟕ products): the start of every item lookup and list
 * that shows names. Callers pick the columns and add their own joins, where and order.
 */
export function itemsWithProduct<T extends SelectedFields>(q: Queryable, fields: T) {
  return q.select(fields).from(items).leftJoin(products, productOfItem);
}

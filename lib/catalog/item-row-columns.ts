import { eq } from "drizzle-orm";
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

import { items, products } from "@/db/schema";

/** What every dispatch list shows of an item: its code, names and size. */
export type ItemNames = {
  itemId: string;
  itemCode: string | null;
  productName: string;
  /** The catalogue's names (screens pick with lib/catalog/product-name.ts). */
  productNameKo: string | null;
  productNameEn: string | null;
  size: string;
};

/** The columns of {@link ItemNames}, for a select that joins `products` on the item's sku. */
export const itemNameColumns = {
  itemId: items.id,
  itemCode: items.code,
  productName: items.productName,
  productNameKo: products.nameKo,
  productNameEn: products.nameEn,
  size: items.size,
};

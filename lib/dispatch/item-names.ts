import { itemRowColumns } from "@/lib/catalog/item-row-columns";

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

const { id, code, ...names } = itemRowColumns;

/** The columns of {@link ItemNames} (the catalogue's item-row columns under dispatch's names), for a select that joins `products` on the item's sku. */
export const itemNameColumns = { itemId: id, itemCode: code, ...names };

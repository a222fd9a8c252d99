/**
 * THE place a product's name is picked for a screen. An item carries the name the marketplace
 * announced (any script); the catalogue, when it knows the SKU, has a Korean and an English name.
 * A screen shows the catalogue's name in its own language, else the announced name, else the
 * catalogue's other name; the other language's catalogue name may follow as a smaller line.
 */
export type ProductNames = {
  /** As announced by the marketplace. */
  productName: string;
  productNameKo?: string | null;
  productNameEn?: string | null;
};

const clean = (s?: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

export function productNameIn(locale: string, names: ProductNames): string {
  const ko = clean(names.productNameKo);
  const en = clean(names.productNameEn);
  const own = locale === "ko" ? ko : en;
  const other = locale === "ko" ? en : ko;
  return own || clean(names.productName) || other;
}

/** The catalogue's name in the other language when it differs from the one shown, else null. */
export function otherProductName(locale: string, names: ProductNames): string | null {
  const shown = productNameIn(locale, names);
  const other = clean(locale === "ko" ? names.productNameEn : names.productNameKo);
  return other && other !== shown ? other : null;
}

"use client";

import { useLocale } from "next-intl";
import { useCallback } from "react";
import { otherProductName, productNameIn, type ProductNames } from "@/lib/catalog/product-name";

/** `(names) => name` in the screen's language (lib/catalog/product-name.ts), and the other one. */
export function useProductName() {
  const locale = useLocale();
  const name = useCallback((names: ProductNames) => productNameIn(locale, names), [locale]);
  const other = useCallback((names: ProductNames) => otherProductName(locale, names), [locale]);
  return { name, other };
}

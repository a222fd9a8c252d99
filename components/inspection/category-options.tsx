"use client";

import { useTranslations } from "next-intl";

/** The product categories as a select's options, named in the screen's language (the checklist and reason-code editors). */
export function CategoryOptions({ categories }: { categories: readonly string[] }) {
  const t = useTranslations("inspection");
  return categories.map((c) => (
    <option key={c} value={c}>
      {t(`categories.${c}`)}
    </option>
  ));
}

"use client";

import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("desk.itemPage");
  return (
    <button type="button" className="button" onClick={() => window.print()} data-print="hide">
      {t("print")}
    </button>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useCodeInPath } from "@/components/layout/use-code-in-path";

/** The item page's answer to a code this center does not have: the code asked for (from the address) and what to do next. */
export function ItemNotFoundNote() {
  const t = useTranslations("desk.itemPage");
  const code = useCodeInPath();
  return (
    <>
      <h1>{t("notFoundTitle")}</h1>
      <p className="alert alert--warn" data-testid="item-not-found">
        {t("notFound", { code })}
      </p>
      <p className="muted">{t("notFoundHint")}</p>
    </>
  );
}

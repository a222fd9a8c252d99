"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The item page's answer to a code this center does not have: the code asked for (from the address) and what to do next. */
export function ItemNotFoundNote() {
  const t = useTranslations("desk.itemPage");
  const last = usePathname().split("/").pop() ?? "";
  let code = last;
  try {
    code = decodeURIComponent(last);
  } catch {
    // A malformed escape: show it as it was typed.
  }
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

"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** The bin page's answer to a code this center does not have (a scanned label of another center, a typo): in the user's language. */
export function BinNotFoundNote() {
  const t = useTranslations("storage.bin");
  const last = usePathname().split("/").pop() ?? "";
  let code = last;
  try {
    code = decodeURIComponent(last);
  } catch {
    // A malformed escape: show it as it was typed.
  }
  return (
    <div className="stack" data-testid="bin-not-found-page">
      <h1>{t("notFoundTitle")}</h1>
      <p className="alert alert--warn" data-testid="bin-not-found">
        {t("notFound", { code })}
      </p>
      <p className="muted">{t("notFoundHint")}</p>
    </div>
  );
}

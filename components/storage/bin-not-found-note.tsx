"use client";

import { useTranslations } from "next-intl";
import { useCodeInPath } from "@/components/layout/use-code-in-path";

/** The bin page's answer to a code this center does not have (a scanned label of another center, a typo): in the user's language. */
export function BinNotFoundNote() {
  const t = useTranslations("storage.bin");
  const code = useCodeInPath();
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

"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/actions/set-locale";
import { locales } from "@/lib/i18n/config";

const names = { ko: "한국어", en: "English" } as const;

export function LocaleSwitch() {
  const current = useLocale();
  const t = useTranslations("header");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="locale-switch" role="group" aria-label={t("language")}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          className="button button--ghost"
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(locale);
              router.refresh();
            })
          }
        >
          {names[locale]}
        </button>
      ))}
    </div>
  );
}

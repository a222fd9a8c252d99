"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { apiFetch } from "@/components/http/api-fetch";

export type HeaderLink = { key: string; href: string; label: string };

/** The header's counts: read when the page opens, then every 30 s and when the tablet is looked at again. */
export const waitingWorkKey = ["nav", "waiting-work"];

/** The stations of the person's role, each with the work waiting there (from /api/station/nav/waiting). */
export function HeaderNav({ links, label }: { links: HeaderLink[]; label: string }) {
  const t = useTranslations("header");
  const pathname = usePathname();
  const { data } = useQuery({
    queryKey: waitingWorkKey,
    queryFn: () => apiFetch<Record<string, number>>("/api/station/nav/waiting"),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
  return (
    <nav className="app-header__nav" aria-label={label}>
      {links.map((link) => {
        const waiting = data?.[link.key];
        const current = pathname === link.href;
        return (
          <Link key={link.key} href={link.href} className="app-header__link" aria-current={current ? "page" : undefined} data-testid={`nav-${link.key}`}>
            {link.label}
            {waiting !== undefined && waiting > 0 && (
              <span className="app-header__count" data-testid={`nav-count-${link.key}`}>
                <span aria-hidden="true">{waiting > 99 ? "99+" : waiting}</span>
                <span className="visually-hidden">{t("waiting", { count: waiting })}</span>
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeskScanner } from "./desk-scanner";
import { SearchBox } from "./search-box";
import styles from "./desk.module.css";

const links = [
  { key: "dashboard", href: "/desk" },
  { key: "items", href: "/items" },
  { key: "exceptions", href: "/desk/exceptions" },
  { key: "staff", href: "/admin/staff" },
  { key: "settings", href: "/admin/settings" },
  { key: "audit", href: "/admin/audit" },
] as const;

export type DeskPageKey = (typeof links)[number]["key"] | "search" | "item";

/** The manager's desk pages, one search box, and the scanner: an item label opens its page. */
export async function DeskNav({ current, query }: { current: DeskPageKey; query?: string }) {
  const t = await getTranslations("desk.nav");
  return (
    <div className={styles.deskBar} data-print="hide">
      <nav className={styles.subnav} aria-label={t("label")}>
        {links.map((link) => (
          <Link key={link.key} href={link.href} className="button" aria-current={link.key === current ? "page" : undefined}>
            {t(link.key)}
          </Link>
        ))}
      </nav>
      <SearchBox initial={query} />
      <DeskScanner />
    </div>
  );
}

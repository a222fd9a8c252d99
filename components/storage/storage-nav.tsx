import Link from "next/link";
import { getTranslations } from "next-intl/server";

const links = [
  { key: "bins", href: "/storage/bins" },
  { key: "counts", href: "/storage/counts" },
  { key: "fees", href: "/storage/fees" },
  { key: "putaway", href: "/putaway" },
  { key: "move", href: "/storage/move" },
  { key: "count", href: "/storage/count" },
] as const;

/** Links between the storage pages (manager's desk pages and the stations). */
export async function StorageNav({ current }: { current: (typeof links)[number]["key"] }) {
  const t = await getTranslations("storage.nav");
  return (
    <nav className="row" aria-label={t("label")}>
      {links.map((l) => (
        <Link key={l.key} href={l.href} className="button" aria-current={l.key === current ? "page" : undefined}>
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}

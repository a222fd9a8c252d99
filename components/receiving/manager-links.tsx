import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "./receiving.module.css";

const links = [
  { key: "station", href: "/receive" },
  { key: "unmatched", href: "/receive/unmatched" },
  { key: "unexpected", href: "/receive/unexpected" },
] as const;

/** Between the receiving station and the manager's receiving exception queues. */
export async function ManagerLinks({ current }: { current: (typeof links)[number]["key"] }) {
  const t = await getTranslations("receiving.managerNav");
  return (
    <nav className={styles.subnav}>
      {links.map((link) => (
        <Link key={link.key} href={link.href} className="button" aria-current={link.key === current ? "page" : undefined}>
          {t(link.key)}
        </Link>
      ))}
    </nav>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/auth/staff-context";
import { navEntries } from "@/lib/navigation";
import { centerName } from "@/lib/i18n/center-name";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const staff = await requirePageAccess("/");
  const { denied } = await searchParams;
  const t = await getTranslations();
  const entries = navEntries.filter((entry) => hasRole(staff.user.role, entry.roles));
  return (
    <div className="stack">
      <div>
        <h1>{t("home.title", { name: staff.user.name })}</h1>
        <p className="muted">{t("home.subtitle", { center: centerName(t, staff.center), role: t(`roles.${staff.user.role}`) })}</p>
      </div>
      {denied && (
        <p className="alert alert--error" role="alert">
          {t("errors.forbidden.page")}
        </p>
      )}
      <nav className="tiles">
        {entries.map((entry) => (
          <Link key={entry.key} href={entry.href} className={`tile tile--${entry.kind}`}>
            {t(`nav.${entry.key}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}

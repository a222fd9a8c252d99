import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { signOutAction } from "@/lib/actions/sign-out";
import { centerName, timeZoneName } from "@/lib/i18n/center-name";
import { ScannerSettingsMenu } from "@/components/scanner/scanner-settings-menu";
import { hasRole } from "@/lib/auth/staff-context";
import { navEntries } from "@/lib/navigation";
import { OfflineStatus } from "@/components/offline/offline-status";
import { SignOutButton } from "@/components/offline/sign-out-button";
import { HeaderNav } from "./header-nav";
import { LocaleSwitch } from "./locale-switch";

export async function AppHeader({ staff }: { staff: CurrentStaff }) {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <header className="app-header">
      <Link href="/" className="app-header__brand">
        {t("app.name")}
      </Link>
      <HeaderNav
        label={t("nav.home")}
        links={navEntries
          .filter((entry) => entry.kind === "station" && hasRole(staff.user.role, entry.roles))
          .map((entry) => ({ key: entry.key, href: entry.href, label: t(`nav.${entry.key}`) }))}
      />
      <div className="app-header__center" data-testid="header-center">
        <span>
          <span className="muted">{t("header.center")}</span> {centerName(t, staff.center)}
        </span>
        <span className="app-header__zone muted">{timeZoneName(locale, staff.center.timezone)}</span>
      </div>
      <div className="app-header__user" data-testid="header-user">
        {staff.user.name} <span className="badge">{t(`roles.${staff.user.role}`)}</span>
      </div>
      <ScannerSettingsMenu />
      <LocaleSwitch />
      <OfflineStatus />
      <SignOutButton action={signOutAction} label={t("header.signOut")} />
    </header>
  );
}

import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { signOutAction } from "@/lib/actions/sign-out";
import { centerName, timeZoneName } from "@/lib/i18n/center-name";
import { ScannerSettingsMenu } from "@/components/scanner/scanner-settings-menu";
import { LocaleSwitch } from "./locale-switch";

export async function AppHeader({ staff }: { staff: CurrentStaff }) {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <header className="app-header">
      <Link href="/" className="app-header__brand">
        {t("app.name")}
      </Link>
      <div className="app-header__center" data-testid="header-center">
        <span className="muted">{t("header.center")}</span> {centerName(t, staff.center)} · {timeZoneName(locale, staff.center.timezone)}
      </div>
      <div className="app-header__user" data-testid="header-user">
        {staff.user.name} <span className="badge">{t(`roles.${staff.user.role}`)}</span>
      </div>
      <ScannerSettingsMenu />
      <LocaleSwitch />
      <form action={signOutAction}>
        <button type="submit" className="button button--ghost">
          {t("header.signOut")}
        </button>
      </form>
    </header>
  );
}

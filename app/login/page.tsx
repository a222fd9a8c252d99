import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { currentStaff, publicPage } from "@/lib/auth/current-staff";
import { safeReturnPath } from "@/lib/auth/return-path";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  publicPage("/login");
  const next = safeReturnPath((await searchParams).next);
  if (await currentStaff()) redirect(next);
  const t = await getTranslations();
  return (
    <main className="login-page">
      <div className="login-card">
        <div className="login-card__top">
          <div>
            <h1 className="login-card__brand">{t("app.name")}</h1>
            <p className="muted">{t("app.tagline")}</p>
          </div>
          <LocaleSwitch />
        </div>
        <h2>{t("login.title")}</h2>
        <LoginForm next={next} />
      </div>
    </main>
  );
}

import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { SettingsForm } from "@/components/admin/settings-form";
import { DeskNav } from "@/components/desk/desk-nav";
import { readCenterSettings } from "@/lib/admin/center-settings";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { centerName } from "@/lib/i18n/center-name";

export const dynamic = "force-dynamic";

/** The center's settings: managers read them, admins change them. */
export default async function SettingsPage() {
  const staff = await requirePageAccess("/admin/settings");
  const settings = await readCenterSettings(await getDb(), staff.center.id);
  const t = await getTranslations("admin.settings");
  const tAll = await getTranslations();
  return (
    <div className="stack">
      <DeskNav current="settings" />
      <h1>{t("title", { center: centerName(tAll, staff.center) })}</h1>
      <SettingsForm settings={settings} editable={staff.user.role === "admin"} />
    </div>
  );
}

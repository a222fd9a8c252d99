import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { SettingsForm } from "@/components/admin/settings-form";
import { DeskNav } from "@/components/desk/desk-nav";
import { readCenterSettings } from "@/lib/admin/center-settings";
import { requirePageAccess } from "@/lib/auth/current-staff";

export const dynamic = "force-dynamic";

/** The center's settings: managers read them, admins change them. */
export default async function SettingsPage() {
  const staff = await requirePageAccess("/admin/settings");
  const settings = await readCenterSettings(await getDb(), staff.center.id);
  const t = await getTranslations("admin.settings");
  return (
    <div className="stack">
      <DeskNav current="settings" />
      <h1>{t("title", { center: staff.center.name })}</h1>
      <SettingsForm settings={settings} editable={staff.user.role === "admin"} />
    </div>
  );
}

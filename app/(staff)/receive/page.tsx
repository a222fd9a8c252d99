import { getTranslations } from "next-intl/server";
import { ReceiveStation } from "@/components/receiving/receive-station";
import { ManagerLinks } from "@/components/receiving/manager-links";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  const t = await getTranslations("receiving");
  return { title: t("title") };
}

/** The receiving station (operators; managers may step in). */
export default async function ReceivePage() {
  const staff = await requirePageAccess("/receive");
  return (
    <div className="stack">
      {hasRole(staff.user.role, ["manager"]) && <ManagerLinks current="station" />}
      <ReceiveStation />
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { QuarantineDesk } from "@/components/dispatch/quarantine-desk";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  const t = await getTranslations("dispatch.quarantine");
  return { title: t("title") };
}

/** Quarantined counterfeits: operators shelve them, managers decide. */
export default async function QuarantinePage() {
  const staff = await requirePageAccess("/quarantine");
  return <QuarantineDesk canDecide={hasRole(staff.user.role, ["manager"])} />;
}

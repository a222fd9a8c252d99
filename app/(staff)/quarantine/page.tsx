import { getTranslations } from "next-intl/server";
import { QuarantineDesk } from "@/components/dispatch/quarantine-desk";
import { requireStaffPage } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  const t = await getTranslations("dispatch.quarantine");
  return { title: t("title") };
}

/** Quarantined counterfeits: operators shelve them, managers decide. */
export default async function QuarantinePage() {
  const staff = await requireStaffPage(["operator"]);
  return <QuarantineDesk canDecide={hasRole(staff.user.role, ["manager"])} />;
}

import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { itemStates, verdicts } from "@/db/schema";
import { DeskNav } from "@/components/desk/desk-nav";
import { LiveDashboard } from "@/components/desk/dashboard/live-dashboard";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { loadDashboard } from "@/lib/desk/dashboard-data";
import { listReasonCodes } from "@/lib/inspection/reason-codes";

export const dynamic = "force-dynamic";

/** The manager's live dashboard of their center (figures polled; times in the center's zone). */
export default async function DeskPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const staff = await requirePageAccess("/desk");
  const range = await searchParams;
  const db = await getDb();
  const data = await loadDashboard(db, staff.center, { from: range.from, to: range.to });
  // The fail reasons' names in either language, once per page (the polled figures carry the codes).
  const reasonLabels = Object.fromEntries((await listReasonCodes(db, staff.center.id, { includeInactive: true })).map((r) => [r.code, { en: r.labelEn, ko: r.labelKo }]));
  const t = await getTranslations();
  return (
    <div className="stack">
      <DeskNav current="dashboard" />
      <h1>{t("nav.desk")}</h1>
      <LiveDashboard initial={data} itemStates={itemStates} verdicts={verdicts} reasonLabels={reasonLabels} />
    </div>
  );
}

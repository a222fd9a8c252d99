import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CountStation } from "@/components/storage/count-station";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listOpenCounts } from "@/lib/storage/plan-counts";

export async function generateMetadata() {
  const t = await getTranslations("storage.count");
  return { title: t("title") };
}

/** Blind cycle counts at the bin (operators): the planned bins, never their contents. */
export default async function CountPage() {
  const staff = await requirePageAccess("/storage/count");
  const planned = await listOpenCounts(await getDb(), staff.center.id, 100);
  return <CountStation planned={planned} />;
}

import { getTranslations } from "next-intl/server";
import { PutawayStation } from "@/components/storage/putaway-station";
import { requirePageAccess } from "@/lib/auth/current-staff";

export async function generateMetadata() {
  const t = await getTranslations("storage.putaway");
  return { title: t("title") };
}

/** The putaway station (operators; managers may step in). */
export default async function PutawayPage() {
  await requirePageAccess("/putaway");
  return <PutawayStation />;
}

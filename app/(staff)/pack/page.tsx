import { getTranslations } from "next-intl/server";
import { PackStation } from "@/components/dispatch/pack-station";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { carrierOptions } from "@/lib/dispatch/carrier-options";

export async function generateMetadata() {
  const t = await getTranslations("dispatch.pack");
  return { title: t("title") };
}

/** The packing station (operators; managers may step in). */
export default async function PackPage() {
  await requirePageAccess("/pack");
  return <PackStation carriers={carrierOptions()} />;
}

import { getTranslations } from "next-intl/server";
import { HandoverStation } from "@/components/dispatch/handover-station";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { carrierOptions } from "@/lib/dispatch/carrier-options";

export async function generateMetadata() {
  const t = await getTranslations("dispatch.handover");
  return { title: t("title") };
}

/** Handover to carriers: manifests (operators; managers may step in). */
export default async function HandoverPage() {
  await requirePageAccess("/handover");
  return <HandoverStation carriers={carrierOptions()} />;
}

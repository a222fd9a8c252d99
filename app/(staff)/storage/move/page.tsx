import { getTranslations } from "next-intl/server";
import { MoveStation } from "@/components/storage/move-station";
import { requirePageAccess } from "@/lib/auth/current-staff";

export async function generateMetadata() {
  const t = await getTranslations("storage.move");
  return { title: t("title") };
}

/** Moves between bins, and where an item is (operators; managers may step in). */
export default async function MovePage() {
  await requirePageAccess("/storage/move");
  return <MoveStation />;
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PickStation } from "@/components/dispatch/pick-station";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { hasRole } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  const t = await getTranslations("dispatch.pick");
  return { title: t("title") };
}

/** The picking station (operators; managers may step in and see the short picks). */
export default async function PickPage() {
  const staff = await requirePageAccess("/pick");
  const t = await getTranslations("dispatch.shortPicks");
  return (
    <div className="stack">
      {hasRole(staff.user.role, ["manager"]) && (
        <nav className="row">
          <Link href="/pick/exceptions" className="button button--ghost">
            {t("title")}
          </Link>
        </nav>
      )}
      <PickStation />
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { CountPlanner } from "@/components/storage/count-planner";
import { CountReviewList } from "@/components/storage/count-review";
import { StorageNav } from "@/components/storage/storage-nav";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listOpenCounts } from "@/lib/storage/plan-counts";
import { listCountsToReview } from "@/lib/storage/reconcile-count";

export async function generateMetadata() {
  const t = await getTranslations("storage.counts");
  return { title: t("title") };
}

/** Cycle counts (managers): plan, see what is open, reconcile submitted counts. */
export default async function CountsPage() {
  const staff = await requirePageAccess("/storage/counts");
  const db = await getDb();
  const [open, review] = await Promise.all([listOpenCounts(db, staff.center.id, 200), listCountsToReview(db, staff.center.id)]);
  const t = await getTranslations("storage.counts");
  return (
    <div className="stack">
      <StorageNav current="counts" />
      <h1>{t("title")}</h1>
      <div className="grid-2">
        <CountPlanner />
        <section className="card">
          <h2>{t("openTitle", { count: open.length })}</h2>
          <p className="muted">{open.slice(0, 40).map((c) => c.binCode).join(", ")}</p>
        </section>
      </div>
      <h2>{t("reviewTitle")}</h2>
      <CountReviewList counts={review} />
    </div>
  );
}

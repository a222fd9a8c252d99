import { getDb } from "@/db/client";
import { ReviewQueue } from "@/components/inspection/review-queue";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listReviewQueue } from "@/lib/inspection/review";
import { isSenior } from "@/lib/inspection/verdict-rules";

export const dynamic = "force-dynamic";

/** The four-eyes queue. Any other inspector may confirm a price review; a counterfeit needs a senior. */
export default async function ReviewQueuePage() {
  const staff = await requirePageAccess("/review");
  const db = await getDb();
  const rows = await listReviewQueue(db, staff.center.id);
  return (
    <ReviewQueue
      rows={rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null }))}
      userId={staff.user.id}
      isSenior={isSenior(staff.user.role)}
    />
  );
}

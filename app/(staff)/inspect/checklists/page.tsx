import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { categories, verdicts } from "@/db/schema";
import { ChecklistEditor } from "@/components/inspection/checklist-editor";
import { ReasonCodeEditor } from "@/components/inspection/reason-code-editor";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listActiveChecklists } from "@/lib/inspection/checklists";
import { listReasonCodes } from "@/lib/inspection/reason-codes";

export const dynamic = "force-dynamic";

/** The manager's inspection set-up: checklists (versioned) and reason codes per category. */
export default async function ChecklistsPage() {
  const staff = await requirePageAccess("/inspect/checklists");
  const db = await getDb();
  const [lists, reasons] = await Promise.all([
    listActiveChecklists(db, staff.center.id),
    listReasonCodes(db, staff.center.id, { includeInactive: true }),
  ]);
  const t = await getTranslations("inspection");
  return (
    <div className="stack">
      <h1>{t("editor.title")}</h1>
      <ChecklistEditor
        categories={categories}
        initial={lists.map((l) => ({ category: l.category, version: l.version, points: l.points, highValueMinPhotos: l.highValueMinPhotos }))}
      />
      <ReasonCodeEditor
        categories={categories}
        verdicts={verdicts.filter((v) => v !== "pass")}
        initial={reasons.map((r) => ({ code: r.code, category: r.category, labelEn: r.labelEn, labelKo: r.labelKo, verdicts: r.verdicts, active: r.active }))}
      />
    </div>
  );
}

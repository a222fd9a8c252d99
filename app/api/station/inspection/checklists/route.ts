import { staffRoute } from "@/lib/http/staff-route";
import { saveChecklist, saveChecklistSchema } from "@/lib/inspection/checklists";

/** A manager saves a category's checklist as a new version (old inspections keep theirs). */
export const POST = staffRoute({ roles: ["manager"], scan: "inspection.checklist_save", body: saveChecklistSchema }, async ({ db, ctx, body }) => ({
  checklist: await saveChecklist(db, ctx, body),
}));

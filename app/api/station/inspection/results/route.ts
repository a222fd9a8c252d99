import { staffRoute } from "@/lib/http/staff-route";
import { saveChecklistResults, saveChecklistResultsSchema } from "@/lib/inspection/checklist-results";

/** One or more checklist points marked ok / not ok (with a note); answers the full list. */
export const POST = staffRoute({ roles: ["inspector"], scan: "inspection.results", body: saveChecklistResultsSchema }, async ({ db, ctx, body }) => ({
  results: await saveChecklistResults(db, ctx, body),
}));

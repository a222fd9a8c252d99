import { loadDashboard } from "@/lib/desk/dashboard-data";
import { staffRoute } from "@/lib/http/staff-route";

/** The live dashboard's figures (polled by the desk): ?from=YYYY-MM-DD&to=YYYY-MM-DD, center days. */
export const GET = staffRoute({ roles: ["manager"] }, async ({ db, staff, request }) => {
  if (!staff) throw new Error("staffRoute reads the staff member before a GET's handler.");
  const url = new URL(request.url);
  return loadDashboard(db, staff.center, { from: url.searchParams.get("from"), to: url.searchParams.get("to") });
});

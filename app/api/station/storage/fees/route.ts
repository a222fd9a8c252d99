import { staffFileRoute } from "@/lib/http/staff-route";
import { feeReportCsv, storageFeeReport } from "@/lib/storage/storage-fees";

/** The storage fee report per seller for ?from=YYYY-MM-DD&to=YYYY-MM-DD, as CSV (managers). */
export const GET = staffFileRoute({ roles: ["manager"] }, async ({ db, staff, request }) => {
  const url = new URL(request.url);
  const report = await storageFeeReport(db, staff.center.id, { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" });
  return new Response(feeReportCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="storage-fees-${staff.center.code}-${report.from}-${report.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});

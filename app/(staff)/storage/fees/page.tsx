import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { FeeReportForm } from "@/components/storage/fee-report-form";
import { StorageNav } from "@/components/storage/storage-nav";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { isoDateOf, localDayNumber } from "@/lib/storage/fees";
import { feeReportSchema, storageFeeReport } from "@/lib/storage/storage-fees";
import { DataTable } from "@/components/table/data-table";

export async function generateMetadata() {
  const t = await getTranslations("storage.fees");
  return { title: t("title") };
}

/** Storage fees per seller for a period of the center's local days, with CSV export (managers). */
export default async function FeesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const staff = await requirePageAccess("/storage/fees");
  const today = localDayNumber(new Date(), staff.center.timezone);
  const asked = await searchParams;
  const parsed = feeReportSchema.safeParse({ from: asked.from, to: asked.to });
  const period = parsed.success ? parsed.data : { from: isoDateOf(today - 29), to: isoDateOf(today) };
  const report = await storageFeeReport(await getDb(), staff.center.id, period);
  const t = await getTranslations("storage.fees");
  const format = await getFormatter();
  const money = (n: number) => format.number(n, { style: "currency", currency: report.currency, maximumFractionDigits: 0 });
  return (
    <div className="stack">
      <StorageNav current="fees" />
      <h1>{t("title")}</h1>
      <FeeReportForm from={report.from} to={report.to} />
      {!parsed.success && (asked.from || asked.to) && <p className="alert alert--warn">{t("badPeriod")}</p>}
      <DataTable
        testId="fee-report"
        rows={report.rows}
        rowKey={(r) => r.sellerId}
        columns={[
          { header: t("seller"), cell: (r) => <>{r.sellerName} <span className="muted">({r.sellerId})</span></> },
          { header: t("items"), cell: (r) => format.number(r.items) },
          { header: t("chargeableDays"), cell: (r) => format.number(r.chargeableDays) },
          { header: t("amount"), cell: (r) => money(r.amount) },
        ]}
        closingRows={
          <tr>
            <th colSpan={3}>{t("total")}</th>
            <th>{money(report.total)}</th>
          </tr>
        }
      />
    </div>
  );
}

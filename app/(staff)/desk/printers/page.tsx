import { getTranslations } from "next-intl/server";
import { PrinterForm } from "@/components/printing/printer-settings";
import { ActionButton } from "@/components/station/action-button";
import { getDb } from "@/db/client";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listStationPrinters } from "@/lib/printing/station-printers";
import { DataTable } from "@/components/table/data-table";
import { EmptyNote } from "@/components/table/empty-note";

/** Managers set each station's network label printer (or leave it on browser PDF printing). */
export default async function PrintersPage() {
  const staff = await requirePageAccess("/desk/printers");
  const printers = await listStationPrinters(await getDb(), staff.center.id);
  const t = await getTranslations("printing.printers");
  return (
    <div className="stack">
      <div>
        <h1>{t("title")}</h1>
        <p className="muted">{t("intro")}</p>
      </div>
      <PrinterForm />
      <DataTable
        testId="printers"
        rows={printers}
        empty={<EmptyNote plain>{t("none")}</EmptyNote>}
        rowKey={(p) => p.id}
        rowProps={(p) => ({ "data-station": p.station })}
        columns={[
          { header: t("station"), cell: (p) => <code>{p.station}</code> },
          { header: t("host"), cell: (p) => <code>{p.host}:{p.port}</code> },
          { header: t("dpi"), cell: (p) => (p.dotsPerMm === 12 ? t("dpi12") : t("dpi8")) },
          { header: t("font"), cell: (p) => (p.fontSentAt ? t("fontSent") : t("fontPending")) },
          {
            cell: (p) => <ActionButton intent={`printer-remove:${p.station}`} url="/api/station/printers/remove" body={{ station: p.station }} label={t("remove")} />,
          },
        ]}
      />
    </div>
  );
}

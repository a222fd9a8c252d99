import { getTranslations } from "next-intl/server";
import { PrinterForm } from "@/components/printing/printer-settings";
import { ActionButton } from "@/components/station/action-button";
import { getDb } from "@/db/client";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { listStationPrinters } from "@/lib/printing/station-printers";

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
      {printers.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <table className="table" data-testid="printers">
          <thead>
            <tr>
              <th>{t("station")}</th>
              <th>{t("host")}</th>
              <th>{t("dpi")}</th>
              <th>{t("font")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {printers.map((p) => (
              <tr key={p.id} data-station={p.station}>
                <td>
                  <code>{p.station}</code>
                </td>
                <td>
                  <code>
                    {p.host}:{p.port}
                  </code>
                </td>
                <td>{p.dotsPerMm === 12 ? t("dpi12") : t("dpi8")}</td>
                <td>{p.fontSentAt ? t("fontSent") : t("fontPending")}</td>
                <td>
                  <ActionButton intent={`printer-remove:${p.station}`} url="/api/station/printers/remove" body={{ station: p.station }} label={t("remove")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ResolveShortButton } from "@/components/dispatch/resolve-short-button";
import { getDb } from "@/db/client";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { productNameIn } from "@/lib/catalog/product-name";
import { listShortPicks } from "@/lib/dispatch/short-picks";
import { DataTable } from "@/components/table/data-table";
import { EmptyNote } from "@/components/table/empty-note";

export const dynamic = "force-dynamic";

/** Short picks: items not found in their bin, waiting for the bin's count and the manager. */
export default async function ShortPicksPage() {
  const staff = await requirePageAccess("/pick/exceptions");
  const rows = await listShortPicks(await getDb(), staff.center.id);
  const t = await getTranslations("dispatch.shortPicks");
  const locale = await getLocale();
  const format = await getFormatter();
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <DataTable
        testId="short-picks"
        rows={rows}
        empty={<EmptyNote>{t("empty")}</EmptyNote>}
        rowKey={(r) => r.lineId}
        rowProps={(r) => ({ "data-testid": "short-pick", "data-code": r.itemCode ?? "" })}
        columns={[
          { header: t("item"), cell: (r) => <><strong>{r.itemCode}</strong> · {productNameIn(locale, r)} · {r.size}</> },
          { header: t("bin"), cell: (r) => <>{r.binCode ?? "—"} <span className="badge">{t("countRequested")}</span></> },
          {
            header: t("reported"),
            cell: (r) => (
              <>
                {t("reportedBy", { name: r.reportedBy ?? "?", list: r.pickListNumber })}
                <div className="muted">{format.dateTime(new Date(r.reportedAt), "dateTime")}</div>
              </>
            ),
          },
          { cell: (r) => <ResolveShortButton lineId={r.lineId} /> },
        ]}
      />
    </div>
  );
}

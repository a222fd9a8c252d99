import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ResolveShortButton } from "@/components/dispatch/resolve-short-button";
import { getDb } from "@/db/client";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { productNameIn } from "@/lib/catalog/product-name";
import { listShortPicks } from "@/lib/dispatch/short-picks";

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
      {rows.length === 0 ? (
        <p className="card muted">{t("empty")}</p>
      ) : (
        <table className="table" data-testid="short-picks">
          <thead>
            <tr>
              <th>{t("item")}</th>
              <th>{t("bin")}</th>
              <th>{t("reported")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.lineId} data-testid="short-pick" data-code={r.itemCode ?? ""}>
                <td>
                  <strong>{r.itemCode}</strong> · {productNameIn(locale, r)} · {r.size}
                </td>
                <td>
                  {r.binCode ?? "—"} <span className="badge">{t("countRequested")}</span>
                </td>
                <td>
                  {t("reportedBy", { name: r.reportedBy ?? "?", list: r.pickListNumber })}
                  <div className="muted">{format.dateTime(new Date(r.reportedAt), "dateTime")}</div>
                </td>
                <td>
                  <ResolveShortButton lineId={r.lineId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

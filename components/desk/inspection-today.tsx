import { getFormatter, getTranslations } from "next-intl/server";
import { verdicts } from "@/db/schema";
import type { InspectionStats } from "@/lib/inspection/inspection-stats";

const minutes = (ms: number | null) => (ms === null ? "—" : (ms / 60_000).toFixed(1));

/** Today's verdicts by kind and each inspector's claim-to-verdict times, for the manager's desk. */
export async function InspectionToday({ stats }: { stats: InspectionStats }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <section className="stack" data-testid="inspection-today">
      <h2>{t("desk.inspectionToday", { total: stats.total })}</h2>
      <div className="state-grid">
        {verdicts.map((verdict) => (
          <div key={verdict} className="state-card" data-testid={`verdict-${verdict}`}>
            <span className="state-card__count">{format.number(stats.byVerdict[verdict])}</span>
            <span className="state-card__label">{t(`inspection.verdicts.${verdict}`)}</span>
          </div>
        ))}
        <div className="state-card">
          <span className="state-card__count">{format.number(stats.awaitingReview)}</span>
          <span className="state-card__label">{t("desk.awaitingReview")}</span>
        </div>
      </div>
      {stats.perInspector.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t("desk.inspector")}</th>
              <th>{t("desk.verdicts")}</th>
              <th>{t("desk.medianMinutes")}</th>
              <th>{t("desk.averageMinutes")}</th>
            </tr>
          </thead>
          <tbody>
            {stats.perInspector.map((row) => (
              <tr key={row.inspectorId}>
                <td>{row.name}</td>
                <td>{row.count}</td>
                <td>{minutes(row.medianMs)}</td>
                <td>{minutes(row.avgMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

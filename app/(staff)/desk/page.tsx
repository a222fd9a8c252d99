import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { itemStates } from "@/db/schema";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { DeskNav } from "@/components/desk/desk-nav";
import { ItemLink } from "@/components/desk/item-link";
import { InspectionToday } from "@/components/desk/inspection-today";
import { countItemsByState, listRecentItemEvents } from "@/lib/desk/dashboard-queries";
import { inspectionStats } from "@/lib/inspection/inspection-stats";
import { startOfLocalDay } from "@/lib/time/local-day";

export default async function DeskPage() {
  const staff = await requirePageAccess("/desk");
  const db = await getDb();
  const now = new Date();
  const [counts, events, today] = await Promise.all([
    countItemsByState(db, staff.center.id),
    listRecentItemEvents(db, staff.center.id, 15),
    inspectionStats(db, staff.center.id, { from: startOfLocalDay(staff.center.timezone, now), to: now }),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="stack">
      <DeskNav current="dashboard" />
      <h1>{t("nav.desk")}</h1>
      <section className="state-grid" aria-label={t("desk.itemsByState")}>
        {itemStates.map((state) => (
          <div key={state} className={`state-card state-card--${state}`} data-testid={`count-${state}`}>
            <span className="state-card__count">{format.number(counts[state])}</span>
            <span className="state-card__label">{t(`states.${state}`)}</span>
          </div>
        ))}
      </section>
      <InspectionToday stats={today} />
      <section>
        <h2>{t("desk.recentEvents")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t("desk.when")}</th>
              <th>{t("desk.item")}</th>
              <th>{t("desk.change")}</th>
              <th>{t("desk.who")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{format.dateTime(event.createdAt, "dateTime")}</td>
                <td>
                  <ItemLink code={event.itemCode} id={event.itemId} /> {event.productName}
                </td>
                <td>
                  {event.fromState === event.toState ? (
                    <>{event.toState ? t(`states.${event.toState}`) : ""}</>
                  ) : (
                    <>
                      {event.fromState ? t(`states.${event.fromState}`) : ""} → {event.toState ? t(`states.${event.toState}`) : ""}
                    </>
                  )}{" "}
                  <code className="muted">{event.action}</code>
                </td>
                <td>
                  {event.actorName ?? "API"} {event.station ? `· ${event.station}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

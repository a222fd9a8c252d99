import type { Queryable } from "@/db/client";
import type { Center } from "@/db/schema";
import { inspectorTimes } from "@/lib/inspection/inspector-times";
import { startOfLocalDay } from "@/lib/time/local-day";
import { countItemsByState, listRecentItemEvents } from "./dashboard-queries";
import { binUtilisation, queueAges } from "./dashboard-figures";
import { failReasons, throughputTodayVsLastWeek, verdictMix } from "./dashboard-rollups";
import { parseDateRange } from "./date-range";
import { inspectorTimesWindow } from "./inspector-times-window";

/** Everything the live dashboard shows, for one center and a date range of local days. */
export async function loadDashboard(q: Queryable, center: Pick<Center, "id" | "timezone">, range: { from?: string | null; to?: string | null }, now = new Date()) {
  const period = parseDateRange(center.timezone, now, range);
  const inspectorsPeriod = inspectorTimesWindow(center.timezone, period);
  const [counts, queues, throughput, mix, reasons, inspectors, binUse, recent] = await Promise.all([
    countItemsByState(q, center.id),
    queueAges(q, center.id, now),
    throughputTodayVsLastWeek(q, center.id, center.timezone, startOfLocalDay(center.timezone, now), now),
    verdictMix(q, center, period.from, period.to),
    failReasons(q, center, period.from, period.to),
    inspectorTimes(q, center.id, { from: inspectorsPeriod.from, to: inspectorsPeriod.to }),
    binUtilisation(q, center.id),
    listRecentItemEvents(q, center.id, 15),
  ]);
  return {
    at: now.toISOString(),
    range: { from: period.fromDate, to: period.toDate },
    counts,
    queues,
    throughput,
    verdictMix: mix,
    failReasons: reasons,
    inspectors,
    /** The days the inspectors' figures are of: the range's last days (inspectorTimesWindow). */
    inspectorsRange: { from: inspectorsPeriod.fromDate, to: inspectorsPeriod.toDate },
    binUse,
    recent: recent.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

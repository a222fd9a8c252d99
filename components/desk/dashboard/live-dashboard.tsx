"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, ComposedChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { apiFetch } from "@/components/http/api-fetch";
import { useProductName } from "@/components/i18n/use-product-name";
import type { DashboardData } from "@/lib/desk/dashboard-data";
import { inspectorTimesDays } from "@/lib/desk/inspector-times-window";
import { DataTable } from "@/components/table/data-table";
import { Section } from "./section";
import styles from "../desk.module.css";

const verdictColours: Record<string, string> = {
  pass: "#1a7f37",
  pass_minor_defect: "#7cb342",
  fail_counterfeit: "#b42318",
  fail_used: "#e07a1f",
  fail_defect: "#c2410c",
  fail_wrong_item: "#7c3aed",
  fail_missing_parts: "#0e7490",
};

/** The moves the hourly chart can show; the CSV always has all three. */
const flows = ["received", "inspected", "dispatched"] as const;

const hours = (h: number | null) => (h === null ? "—" : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} d`);
const minutes = (ms: number | null) => (ms === null ? "—" : (ms / 60_000).toFixed(1));

/** The manager's live view of one center: polled every 15 s, figures for a chosen range of days. */
export function LiveDashboard({
  initial,
  itemStates,
  verdicts,
  reasonLabels,
}: {
  initial: DashboardData;
  itemStates: readonly string[];
  verdicts: readonly string[];
  /** The center's reason codes' names (the figures carry the codes). */
  reasonLabels: Record<string, { en: string; ko: string }>;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const categoryName = (category: string) => (t.has(`inspection.categories.${category}`) ? t(`inspection.categories.${category}`) : category);
  const reasonName = (code: string) => reasonLabels[code]?.[locale === "ko" ? "ko" : "en"] ?? code;
  const format = useFormatter();
  const names = useProductName();
  const [range, setRange] = useState(initial.range);
  const { data = initial, isFetching } = useQuery({
    queryKey: ["desk-dashboard", range.from, range.to],
    queryFn: () => apiFetch<DashboardData>(`/api/station/desk/dashboard?from=${range.from}&to=${range.to}`),
    initialData: range.from === initial.range.from && range.to === initial.range.to ? initial : undefined,
    refetchInterval: 15_000,
  });
  const d = (key: string, values?: Record<string, string | number>) => t(`desk.dashboard.${key}`, values);
  const categories = [...new Set(data.verdictMix.map((r) => r.category))];
  const mixByCategory = categories.map((category) => ({
    category,
    ...Object.fromEntries(verdicts.map((v) => [v, data.verdictMix.filter((r) => r.category === category && r.verdict === v).reduce((n, r) => n + r.count, 0)])),
  }));
  const [flow, setFlow] = useState<(typeof flows)[number]>("inspected");
  const throughput = data.throughput.map((r) => ({ hour: `${r.hour}`, today: r.today[flow], lastWeek: r.lastWeek[flow] }));
  const binUse = data.binUse.map((r) => ({ name: `${r.zone}·${r.sizeClass}`, used: r.capacity ? Math.round((r.occupied / r.capacity) * 100) : 0 }));
  return (
    <div className="stack" data-testid="live-dashboard" data-fetching={isFetching ? "true" : "false"}>
      <div className={styles.toolbar}>
        <label>
          {d("from")}
          <input type="date" value={range.from} onChange={(e) => e.target.value && setRange((r) => ({ from: e.target.value, to: r.to < e.target.value ? e.target.value : r.to }))} data-testid="range-from" />
        </label>
        <label>
          {d("to")}
          <input type="date" value={range.to} min={range.from} onChange={(e) => e.target.value && setRange((r) => ({ ...r, to: e.target.value }))} data-testid="range-to" />
        </label>
        <span className="muted">{d("updated", { at: format.dateTime(new Date(data.at), { timeStyle: "medium" }) })}</span>
      </div>

      <section aria-label={t("desk.itemsByState")} className="state-grid">
        {itemStates.map((state) => (
          <Link key={state} href={`/items?state=${state}`} className={`state-card ${styles.cardLink}`} data-testid={`count-${state}`}>
            <span className="state-card__count">{format.number((data.counts as Record<string, number>)[state] ?? 0)}</span>
            <span className="state-card__label">{t(`states.${state}`)}</span>
          </Link>
        ))}
      </section>

      <section className="stack" data-testid="inspection-today" aria-label={d("verdictMix")}>
        <div className="state-grid">
          {verdicts.map((v) => (
            <div key={v} className="state-card" data-testid={`verdict-${v}`}>
              <span className="state-card__count">{format.number(data.verdictMix.filter((r) => r.verdict === v).reduce((n, r) => n + r.count, 0))}</span>
              <span className="state-card__label">{t(`inspection.verdicts.${v}`)}</span>
            </div>
          ))}
        </div>
      </section>

      <Section
        id="queues"
        title={d("queues")}
        csv={{ header: [d("queue"), d("count"), d("breached"), d("oldest"), d("limit")], rows: data.queues.map((q) => [d(`queue_${q.key}`), q.count, q.breached, q.oldestHours?.toFixed(1) ?? "", q.limitHours]) }}
      >
        <DataTable
          rows={data.queues}
          rowKey={(q) => q.key}
          rowProps={(q) => ({ "data-testid": `queue-${q.key}`, className: q.breached > 0 ? styles.late : undefined })}
          columns={[
            { header: d("queue"), cell: (q) => d(`queue_${q.key}`) },
            { header: d("count"), cell: (q) => q.count },
            { header: d("breached"), cell: (q) => <span data-testid={`breached-${q.key}`}>{q.breached}</span> },
            { header: d("oldest"), cell: (q) => hours(q.oldestHours) },
            { header: d("limit"), cell: (q) => `${q.limitHours} h` },
            {
              header: d("oldestItems"),
              cell: (q) =>
                q.oldest.slice(0, 3).map((i) => (
                  <Link key={i.id} href={`/items/${encodeURIComponent(i.code ?? i.id)}`} title={names.name(i)} style={{ marginRight: "0.5rem" }}>
                    <code>{i.code ?? "—"}</code> {hours(i.hours)}
                  </Link>
                )),
            },
          ]}
        />
      </Section>

      <div className={styles.chartGrid}>
        <Section
          id="throughput"
          title={d("throughput")}
          csv={{
            header: [d("hour"), d("receivedToday"), d("receivedLastWeek"), d("inspectedToday"), d("inspectedLastWeek"), d("dispatchedToday"), d("dispatchedLastWeek")],
            rows: data.throughput.map((r) => [r.hour, r.today.received, r.lastWeek.received, r.today.inspected, r.lastWeek.inspected, r.today.dispatched, r.lastWeek.dispatched]),
          }}
        >
          <div className={styles.segmented} role="group" aria-label={d("throughputFlow")}>
            {flows.map((f) => (
              <button key={f} type="button" className="button" aria-pressed={flow === f} onClick={() => setFlow(f)} data-testid={`throughput-${f}`}>
                {d(`flow_${f}`)}
              </button>
            ))}
          </div>
          <div data-testid="chart-throughput" data-flow={flow} style={{ width: "100%", height: 260 }}>
            <ResponsiveContainer>
              <ComposedChart data={throughput}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="hour" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="today" name={d("today")} fill="#1d3b5c" />
                <Line dataKey="lastWeek" name={d("lastWeek")} stroke="#e07a1f" dot={false} strokeWidth={2} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        </Section>

        <Section
          id="verdict-mix"
          title={d("verdictMix")}
          csv={{ header: [d("brand"), d("category"), d("verdict"), d("count")], rows: data.verdictMix.map((r) => [r.brand, categoryName(r.category), t(`inspection.verdicts.${r.verdict}`), r.count]) }}
        >
          <div data-testid="chart-verdicts" style={{ width: "100%", height: 260 }}>
            <ResponsiveContainer>
              <BarChart data={mixByCategory}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="category" interval={0} tickFormatter={categoryName} />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {verdicts.map((v) => (
                  <Bar key={v} dataKey={v} name={t(`inspection.verdicts.${v}`)} stackId="v" fill={verdictColours[v]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Section>
      </div>

      <div className={styles.chartGrid}>
        <Section
          id="fail-reasons"
          title={d("failReasons")}
          csv={{ header: [d("brand"), d("category"), d("reason"), d("count")], rows: data.failReasons.map((r) => [r.brand, categoryName(r.category), reasonName(r.reason), r.count]) }}
        >
          <DataTable
            testId="fail-reasons"
            rows={data.failReasons.slice(0, 20)}
            rowKey={(r) => `${r.brand}-${r.category}-${r.reason}`}
            columns={[
              { header: d("brand"), cell: (r) => r.brand },
              { header: d("category"), cell: (r) => categoryName(r.category) },
              { header: d("reason"), cell: (r) => <span title={r.reason}>{reasonName(r.reason)}</span> },
              { header: d("count"), cell: (r) => r.count },
            ]}
          />
        </Section>

        <Section
          id="inspectors"
          title={d("inspectors")}
          csv={{ header: [t("desk.inspector"), d("count"), t("desk.medianMinutes"), t("desk.averageMinutes")], rows: data.inspectors.map((p) => [p.name, p.count, minutes(p.medianMs), minutes(p.avgMs)]) }}
        >
          {data.inspectorsRange.from !== data.range.from && (
            <p className="muted" data-testid="inspectors-window">
              {d("inspectorsWindow", { days: inspectorTimesDays, from: data.inspectorsRange.from, to: data.inspectorsRange.to })}
            </p>
          )}
          <DataTable
            testId="inspectors"
            rows={data.inspectors}
            rowKey={(p) => p.inspectorId}
            columns={[
              { header: t("desk.inspector"), cell: (p) => p.name },
              { header: d("count"), cell: (p) => p.count },
              { header: t("desk.medianMinutes"), cell: (p) => minutes(p.medianMs) },
              { header: t("desk.averageMinutes"), cell: (p) => minutes(p.avgMs) },
            ]}
          />
        </Section>
      </div>

      {data.binUse.length > 0 && (
        <Section
          id="bins"
          title={d("binUse")}
          csv={{ header: [d("zone"), d("sizeClass"), d("bins"), d("capacity"), d("occupied")], rows: data.binUse.map((r) => [r.zone, r.sizeClass, r.bins, r.capacity, r.occupied]) }}
        >
          <div data-testid="chart-bins" style={{ width: "100%", height: 240 }}>
            <ResponsiveContainer>
              <BarChart data={binUse}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis unit="%" domain={[0, 100]} />
                <Tooltip />
                <Bar dataKey="used" name={d("used")} fill="#2f5d88" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </Section>
      )}

      <Section
        id="recent"
        title={t("desk.recentEvents")}
        csv={{ header: [t("desk.when"), t("desk.item"), t("desk.change"), t("desk.who")], rows: data.recent.map((e) => [e.createdAt, e.itemCode ?? "", `${e.fromState ?? ""} → ${e.toState ?? ""} (${e.action})`, e.actorName ?? "API"]) }}
      >
        <DataTable
          testId="recent-events"
          rows={data.recent}
          rowKey={(e) => e.id}
          columns={[
            { header: t("desk.when"), cell: (e) => format.dateTime(new Date(e.createdAt), { dateStyle: "short", timeStyle: "short" }) },
            {
              header: t("desk.item"),
              cell: (e) => (
                <>
                  <Link href={`/items/${encodeURIComponent(e.itemCode ?? e.itemId)}`}>
                    <code>{e.itemCode ?? "—"}</code>
                  </Link>{" "}
                  {names.name(e)}
                </>
              ),
            },
            {
              header: t("desk.change"),
              cell: (e) => (
                <>
                  {e.fromState !== e.toState && e.fromState && e.toState ? `${t(`states.${e.fromState}`)} → ${t(`states.${e.toState}`)} ` : ""}
                  <span className="muted" title={e.action} data-action={e.action}>
                    {t.has(`desk.actions.${e.action}`) ? t(`desk.actions.${e.action}`) : e.action}
                  </span>
                </>
              ),
            },
            { header: t("desk.who"), cell: (e) => <>{e.actorName ?? "API"} {e.station ? `· ${e.station}` : ""}</> },
          ]}
        />
      </Section>
    </div>
  );
}

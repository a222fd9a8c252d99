import { drizzle } from "drizzle-orm/postgres-js";
import { connectPostgres } from "@/db/postgres-target";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { loadDashboard } from "@/lib/desk/dashboard-data";
import { countItemsByState, listRecentItemEvents } from "@/lib/desk/dashboard-queries";
import { queueAges } from "@/lib/desk/dashboard-figures";
import { failReasons, throughputTodayVsLastWeek, verdictMix } from "@/lib/desk/dashboard-rollups";
import { localToday, parseDateRange } from "@/lib/desk/date-range";
import { listExceptions } from "@/lib/desk/exceptions";
import { inspectorTimes } from "@/lib/inspection/inspector-times";
import { readOpenClaimsPage } from "@/lib/inspection/open-claims-page";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { searchItems } from "@/lib/desk/search-items";
import { loadItemRecord } from "@/lib/desk/item-record";
import { storageUtilisation } from "@/lib/storage/utilisation";
import { startOfLocalDay } from "@/lib/time/local-day";
import { median } from "./stats";

const zone = "Asia/Seoul";

/** The bench center's last seven local days (today included), as the desk's date range takes them. */
export function benchWeek(now = new Date()) {
  return { from: localToday(zone, new Date(now.getTime() - 6 * 24 * 3600_000)), to: localToday(zone, now) };
}

const today = () => parseDateRange(zone, new Date(), {});
const lastWeek = () => parseDateRange(zone, new Date(), benchWeek());

/** Tables big enough at volume that a sequential scan over them is a bug. */
const bigTables = new Set(["items", "item_events", "outbox_events", "inspections", "inspection_photos", "shipments", "inbound_orders", "order_lines", "parcels", "scan_requests"]);

type Captured = { query: string; params: unknown[] };

/** The manager's queries, each a call into our own query functions (so the benchmark follows them as they change). */
export type Sample = { itemCode: string; sellerId: string };
const managerCalls: { name: string; run: (db: Db, centerId: string, sample: Sample) => Promise<unknown> }[] = [
  { name: "search: product name", run: (db, c) => searchItems(db, c, "Dunk Low") },
  { name: "search: seller id", run: (db, c, s) => searchItems(db, c, s.sellerId) },
  { name: "search: item code", run: (db, c, s) => searchItems(db, c, s.itemCode) },
  { name: "item record and timeline", run: (db, c, s) => loadItemRecord(db, c, s.itemCode) },
  { name: "storage utilisation", run: (db, c) => storageUtilisation(db, c) },
  { name: "dashboard: items by state", run: (db, c) => countItemsByState(db, c) },
  { name: "dashboard: recent events", run: (db, c) => listRecentItemEvents(db, c, 15) },
  { name: "dashboard: throughput today vs last week", run: (db, c) => throughputTodayVsLastWeek(db, c, zone, startOfLocalDay(zone, new Date()), new Date()) },
  { name: "dashboard: verdict mix, today", run: (db, c) => verdictMix(db, { id: c, timezone: zone }, today().from, today().to) },
  { name: "dashboard: verdict mix, last 7 days", run: (db, c) => verdictMix(db, { id: c, timezone: zone }, lastWeek().from, lastWeek().to) },
  { name: "dashboard: fail reasons, last 7 days", run: (db, c) => failReasons(db, { id: c, timezone: zone }, lastWeek().from, lastWeek().to) },
  { name: "dashboard: today's inspections", run: (db, c) => inspectorTimes(db, c, { from: startOfLocalDay(zone, new Date()), to: new Date() }) },
  { name: "dashboard: queue ages (four queues)", run: (db, c) => queueAges(db, c, new Date()) },
  { name: "inspection queue: open claims (a page and the count)", run: (db, c) => readOpenClaimsPage(db, c) },
  { name: "inspection queue: everything (200 listed, totals, overdue)", run: (db, c) => readInspectionQueue(db, c, { limit: 200 }) },
  { name: "dashboard: everything, today", run: (db, c) => loadDashboard(db, { id: c, timezone: zone }, {}) },
  { name: "dashboard: everything, last 7 days", run: (db, c) => loadDashboard(db, { id: c, timezone: zone }, benchWeek()) },
  { name: "exceptions: every kind", run: (db, c) => listExceptions(db, c) },
];

function seqScans(plan: unknown, found: string[] = []): string[] {
  if (plan && typeof plan === "object") {
    const node = plan as Record<string, unknown>;
    if (node["Node Type"] === "Seq Scan" && bigTables.has(String(node["Relation Name"]))) found.push(String(node["Relation Name"]));
    for (const value of Object.values(node)) if (typeof value === "object") seqScans(value, found);
  }
  return found;
}

export type ManagerQueryResult = { name: string; p50: number; max: number; statements: number; seqScans: string[] };

/**
 * Times each manager query at volume (5 runs after a warm-up) and EXPLAINs every SQL statement it
 * sent (captured through drizzle's logger), naming big tables read by a sequential scan.
 */
export async function managerQueries(databaseUrl: string, centerId: string, sample: Sample): Promise<ManagerQueryResult[]> {
  const client = connectPostgres(databaseUrl, { max: 2, onnotice: () => {} });
  let captured: Captured[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Db;
  const out: ManagerQueryResult[] = [];
  try {
    for (const call of managerCalls) {
      await call.run(db, centerId, sample);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        captured = [];
        const t = performance.now();
        await call.run(db, centerId, sample);
        times.push(performance.now() - t);
      }
      const scans: string[] = [];
      for (const statement of captured) {
        const [row] = await client.unsafe(`explain (format json) ${statement.query}`, statement.params as never[]);
        scans.push(...seqScans(row["QUERY PLAN"]));
      }
      out.push({ name: call.name, p50: median(times), max: Math.max(...times), statements: captured.length, seqScans: [...new Set(scans)] });
    }
  } finally {
    await client.end();
  }
  return out;
}

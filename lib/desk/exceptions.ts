import { and, count, eq, gt, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { apiClients, cycleCountDifferences, cycleCounts, items, parcels, pickLines, webhookRelayPositions } from "@/db/schema";
import { countAwaitingAddress, listAwaitingAddress } from "@/lib/dispatch/return-address";
import { listShortPicks } from "@/lib/dispatch/short-picks";
import { listUnexpectedUnits, unexpectedReceived } from "@/lib/receiving/receive-unexpected-unit";
import { listUnmatchedParcels } from "@/lib/receiving/unmatched-parcels";
import { listCountsToReview } from "@/lib/storage/reconcile-count";
import { queueAges, type QueueAge, type QueueKey } from "./dashboard-figures";

/** One thing that needs a manager, with where to resolve it. */
export type ExceptionEntry = {
  id: string;
  /** What it is about: an item code, a tracking number, a bin, an API client. */
  subject: string;
  /** Params for the kind's detail text (see messages desk.exceptions.detail.<kind>). */
  detail: Record<string, string | number>;
  since: string | null;
  /** The screen where it is resolved. */
  resolveHref: string;
};

/** `entries` is a page (the oldest, up to `pageSize` or the queues' ten oldest); `total` counts every open one. */
export type ExceptionGroup = { kind: ExceptionKind; entries: ExceptionEntry[]; total: number };

/** How many entries of one kind the page lists at most. */
const pageSize = 100;

type Listed = { entries: ExceptionEntry[]; total: number };

/** What several listers read, computed once per listing. */
type Shared = { queueAges: () => Promise<QueueAge[]> };
/** A kind's page of entries and how many there are; a bare list when it is never cut. */
type Lister = (q: Queryable, centerId: string, now: Date, shared: Shared) => Promise<ExceptionEntry[] | Listed>;

async function countOf(q: Queryable, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await q.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}

/** A page of entries and the total, read together. */
async function paged<T>(rows: Promise<T[]>, total: Promise<number>, entry: (row: T) => ExceptionEntry): Promise<Listed> {
  const [list, n] = await Promise.all([rows, total]);
  return { entries: list.map(entry), total: n };
}

const itemHref = (code: string | null, id: string) => `/items/${encodeURIComponent(code ?? id)}`;

const overdueQueues: QueueKey[] = ["receivedToVerdict", "passedToDispatch", "awaitingPutaway"];

/**
 * Every kind of exception the desk shows, in display order, each with its lister. A flow that
 * adds a kind of exception adds one entry here (and its texts in messages/<locale>/desk.json).
 */
const registry = {
  unmatchedParcels: (q, centerId) =>
    paged(listUnmatchedParcels(q, centerId, { limit: pageSize }), countOf(q, parcels, and(eq(parcels.centerId, centerId), eq(parcels.status, "unmatched"))), (p) => ({
      id: p.id,
      subject: p.trackingNumber,
      detail: { note: p.note ?? "—", units: p.unexpectedUnits },
      since: new Date(p.createdAt).toISOString(),
      resolveHref: "/receive/unmatched",
    })),
  unexpectedUnits: (q, centerId) =>
    paged(
      listUnexpectedUnits(q, centerId, { limit: pageSize }),
      countOf(q, items, and(eq(items.centerId, centerId), unexpectedReceived)),
      (u) => ({
      id: u.itemId,
      subject: u.code ?? u.sku,
      detail: { product: u.productName, size: u.size },
      since: null,
        resolveHref: "/receive/unexpected",
      }),
    ),
  overdueItems: async (_q, _centerId, now, shared) => {
    const queues = (await shared.queueAges()).filter((queue) => overdueQueues.includes(queue.key));
    // Each queue lists its ten oldest; every breach is counted.
    const entries = queues.flatMap((queue) =>
        queue.oldest
          .filter((i) => i.breached)
          .map((i) => ({
            id: `${queue.key}:${i.id}`,
            subject: i.code ?? i.productName,
            detail: { queue: queue.key, hours: Math.round(i.hours), limit: queue.limitHours },
            since: new Date(now.getTime() - i.hours * 3600_000).toISOString(),
            resolveHref: itemHref(i.code, i.id),
          })),
    );
    return { entries, total: queues.reduce((n, queue) => n + queue.breached, 0) };
  },
  heldForBuyer: async (_q, _centerId, now, shared) => {
    const held = (await shared.queueAges()).find((queue) => queue.key === "heldForBuyer");
    const entries = (held?.oldest ?? []).map((i) => ({
      id: i.id,
      subject: i.code ?? i.productName,
      detail: { hours: Math.round(i.hours), limit: held!.limitHours, late: i.breached ? 1 : 0 },
      since: new Date(now.getTime() - i.hours * 3600_000).toISOString(),
      resolveHref: itemHref(i.code, i.id),
    }));
    return { entries, total: held?.count ?? 0 };
  },
  shortPicks: (q, centerId) =>
    paged(
      listShortPicks(q, centerId, { limit: pageSize }),
      countOf(q, pickLines, and(eq(pickLines.centerId, centerId), eq(pickLines.status, "short"), isNull(pickLines.resolvedAt))),
      (s) => ({
      id: s.lineId,
      subject: s.itemCode ?? s.productName,
      detail: { bin: s.binCode ?? "—", pickList: s.pickListNumber, by: s.reportedBy ?? "—" },
      since: s.reportedAt,
        resolveHref: "/pick/exceptions",
      }),
    ),
  countDifferences: async (q, centerId) => {
    // The differences of the oldest hundred counts to review; every unresolved one is counted.
    const [counts, total] = await Promise.all([
      listCountsToReview(q, centerId),
      q
        .select({ n: count() })
        .from(cycleCountDifferences)
        .innerJoin(cycleCounts, eq(cycleCounts.id, cycleCountDifferences.countId))
        .where(and(eq(cycleCounts.centerId, centerId), eq(cycleCounts.status, "submitted"), isNull(cycleCountDifferences.resolution))),
    ]);
    const entries = counts.flatMap((c) =>
      c.differences
        .filter((d) => !d.resolution)
        .map((d) => ({
          id: d.id,
          subject: c.binCode,
          detail: { kind: d.kind, code: d.code ?? "—" },
          since: c.submittedAt,
          resolveHref: "/storage/counts",
        })),
    );
    return { entries, total: Number(total[0]?.n ?? 0) };
  },
  awaitingAddress: (q, centerId) =>
    paged(listAwaitingAddress(q, centerId, { limit: pageSize }), countAwaitingAddress(q, centerId), (r) => ({
      id: r.itemId,
      subject: r.itemCode ?? r.itemId,
      detail: { seller: r.seller, order: r.orderExternalId },
      since: r.since,
      resolveHref: itemHref(r.itemCode, r.itemId),
    })),
  failedWebhooks: async (q, centerId) => {
    const rows = await q
      .select({ id: apiClients.id, name: apiClients.name, attempts: webhookRelayPositions.attempts, lastError: webhookRelayPositions.lastError, since: webhookRelayPositions.updatedAt })
      .from(webhookRelayPositions)
      .innerJoin(apiClients, eq(apiClients.id, webhookRelayPositions.apiClientId))
      .where(
        and(
          gt(webhookRelayPositions.attempts, 0),
          isNotNull(webhookRelayPositions.lastError),
          isNotNull(apiClients.webhookUrl),
          sql`${apiClients.revokedAt} is null`,
          sql`${apiClients.centerIds} @> ${JSON.stringify([centerId])}::jsonb`,
        ),
      );
    return rows.map((r) => ({
      id: r.id,
      subject: r.name,
      detail: { attempts: r.attempts, error: (r.lastError ?? "").slice(0, 200) },
      since: r.since.toISOString(),
      resolveHref: "/admin/api-clients",
    }));
  },
} satisfies Record<string, Lister>;

export type ExceptionKind = keyof typeof registry;
export const exceptionKinds = Object.keys(registry) as ExceptionKind[];

/** Every open exception of the center, grouped by kind (every kind listed, empty ones too). */
export async function listExceptions(q: Queryable, centerId: string, now = new Date()): Promise<ExceptionGroup[]> {
  let ages: Promise<QueueAge[]> | undefined;
  const shared: Shared = { queueAges: () => (ages ??= queueAges(q, centerId, now)) };
  const groups: ExceptionGroup[] = [];
  for (const kind of exceptionKinds) {
    const listed = await (registry[kind] as Lister)(q, centerId, now, shared);
    groups.push({ kind, ...(Array.isArray(listed) ? { entries: listed, total: listed.length } : listed) });
  }
  return groups;
}

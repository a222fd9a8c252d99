import { and, asc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  apiClients,
  bins,
  inboundOrders,
  inspectionPhotos,
  inspections,
  itemEvents,
  items,
  parcels,
  products,
  shipments,
  users,
  type Item,
} from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { normalizeItemCode } from "@/lib/scan-codes/item-code";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An item of the center by its label code (as scanned or typed) or its id; undefined when none. */
export async function findItemByCodeOrId(q: Queryable, centerId: string, key: string): Promise<Item | undefined> {
  const raw = key.trim();
  const byId = uuidPattern.test(raw) ? eq(items.id, raw.toLowerCase()) : undefined;
  const byCode = or(eq(items.code, raw.toUpperCase()), eq(items.code, normalizeItemCode(raw)));
  const [item] = await q
    .select()
    .from(items)
    .where(and(eq(items.centerId, centerId), byId ? or(byId, byCode) : byCode))
    .limit(1);
  return item;
}

export type TimelineEntry = {
  id: number;
  at: Date;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorName: string | null;
  actorRole: string | null;
  apiClientName: string | null;
  station: string | null;
  details: Record<string, unknown>;
};

/**
 * Everything the center knows about one unit: product, order and parties, parcel, bin, outbound
 * shipments, inspections with their reviews and photos, and the full audit trail in order. The
 * chain of custody a dispute needs.
 */
export async function loadItemRecord(q: Queryable, centerId: string, key: string) {
  const item = await findItemByCodeOrId(q, centerId, key);
  if (!item) throw new DomainError("not_found:item", "No such item in this center.", { code: key });
  const inspector = alias(users, "inspector");
  const reviewer = alias(users, "reviewer");
  const [[order], [product], [parcel], [bin], itemShipments, itemInspections, photos, timeline] = await Promise.all([
    q.select().from(inboundOrders).where(eq(inboundOrders.id, item.orderId)),
    q.select().from(products).where(eq(products.sku, item.sku)),
    item.parcelId ? q.select().from(parcels).where(eq(parcels.id, item.parcelId)) : Promise.resolve([]),
    item.binId ? q.select({ id: bins.id, code: bins.code }).from(bins).where(eq(bins.id, item.binId)) : Promise.resolve([]),
    q.select().from(shipments).where(eq(shipments.itemId, item.id)).orderBy(asc(shipments.createdAt)),
    q
      .select({
        id: inspections.id,
        status: inspections.status,
        verdict: inspections.verdict,
        reasonCodes: inspections.reasonCodes,
        note: inspections.note,
        results: inspections.results,
        claimedAt: inspections.claimedAt,
        submittedAt: inspections.submittedAt,
        durationMs: inspections.durationMs,
        inspectorId: inspections.inspectorId,
        inspectorName: inspector.name,
        reviewerName: reviewer.name,
        reviewVerdict: inspections.reviewVerdict,
        reviewNote: inspections.reviewNote,
        reviewedAt: inspections.reviewedAt,
      })
      .from(inspections)
      .innerJoin(inspector, eq(inspector.id, inspections.inspectorId))
      .leftJoin(reviewer, eq(reviewer.id, inspections.reviewerId))
      .where(eq(inspections.itemId, item.id))
      .orderBy(asc(inspections.claimedAt)),
    q
      .select({ id: inspectionPhotos.id, inspectionId: inspectionPhotos.inspectionId, caption: inspectionPhotos.caption, createdAt: inspectionPhotos.createdAt })
      .from(inspectionPhotos)
      .where(eq(inspectionPhotos.itemId, item.id))
      .orderBy(asc(inspectionPhotos.createdAt)),
    listItemTimeline(q, item.id),
  ]);
  return {
    item,
    order: order ?? null,
    product: product ?? null,
    parcel: parcel ? { id: parcel.id, trackingNumber: parcel.trackingNumber, status: parcel.status, createdAt: parcel.createdAt } : null,
    bin: bin ?? null,
    shipments: itemShipments,
    inspections: itemInspections,
    photos,
    labels: timeline.filter((e) => e.action === "label_printed" || e.action === "label_reprinted"),
    timeline,
  };
}

export type ItemRecord = Awaited<ReturnType<typeof loadItemRecord>>;

/** One item's audit trail, oldest first, with who did each step (staff member or API client). */
export async function listItemTimeline(q: Queryable, itemId: string): Promise<TimelineEntry[]> {
  const rows = await q
    .select({
      id: itemEvents.id,
      at: itemEvents.createdAt,
      action: itemEvents.action,
      fromState: itemEvents.fromState,
      toState: itemEvents.toState,
      actorName: users.name,
      actorRole: users.role,
      apiClientName: apiClients.name,
      station: itemEvents.station,
      details: itemEvents.details,
    })
    .from(itemEvents)
    .leftJoin(users, eq(users.id, itemEvents.actorUserId))
    .leftJoin(apiClients, eq(apiClients.id, itemEvents.actorApiClientId))
    .where(eq(itemEvents.itemId, itemId))
    .orderBy(asc(itemEvents.id));
  return rows;
}

/** Bin codes for bin ids named in timeline details (putaway, moves), so the page shows codes. */
export async function binCodesFor(q: Queryable, centerId: string, timeline: TimelineEntry[]): Promise<Record<string, string>> {
  const ids = new Set<string>();
  for (const entry of timeline) {
    for (const key of ["binId", "fromBinId", "toBinId"]) {
      const value = entry.details[key];
      if (typeof value === "string" && uuidPattern.test(value)) ids.add(value);
    }
  }
  if (ids.size === 0) return {};
  const rows = await q
    .select({ id: bins.id, code: bins.code })
    .from(bins)
    .where(and(eq(bins.centerId, centerId), inArray(bins.id, [...ids])));
  return Object.fromEntries(rows.map((r) => [r.id, r.code]));
}

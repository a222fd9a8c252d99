import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { bins, cycleCounts, itemEvents, items, products, zones } from "@/db/schema";
import type { Role } from "@/db/schema/users";
import { hasRole } from "@/lib/auth/staff-context";
import { itemRowColumns, productOfItem } from "@/lib/catalog/item-row-columns";
import { DomainError } from "@/lib/errors/domain-error";
import { normalizeItemCode } from "@/lib/scan-codes/item-code";

export type BinView = {
  code: string;
  zoneCode: string;
  zoneName: string;
  sizeClass: string;
  capacity: number;
  /** Null while the bin is counted blind and the viewer is not a manager (see `blind`). */
  occupied: number | null;
  free: number | null;
  active: boolean;
  lastCountedAt: string | null;
  countRequestedAt: string | null;
  openCount: { id: string; status: string } | null;
  /**
   * A count of the bin is planned or under way and the viewer is not a manager: what the bin is
   * recorded to hold (its items and how many) is withheld, so the count stays blind.
   */
  blind: boolean;
  items: { id: string; code: string | null; productName: string; productNameKo: string | null; productNameEn: string | null; size: string; storedAt: string | null }[];
};

/** Who looks at a bin: its center, and whether a manager (who may see a bin while it is counted). */
export type BinViewer = { centerId: string; role: Role };

/**
 * A bin with its contents, free capacity and last count (one index lookup with its open count, plus its items). While a
 * count of it is planned or under way, only managers see what it is recorded to hold.
 */
export async function findBinView(q: Queryable, viewer: BinViewer, code: string): Promise<BinView> {
  // The bin with its open count, if any, in one round trip (at most one: cycle_counts_open_bin_idx).
  // The status condition is a literal, so a prepared statement's generic plan can use that partial index.
  const [row] = await q
    .select({ bin: bins, zoneCode: zones.code, zoneName: zones.name, openCountId: cycleCounts.id, openCountStatus: cycleCounts.status })
    .from(bins)
    .innerJoin(zones, eq(zones.id, bins.zoneId))
    .leftJoin(cycleCounts, and(eq(cycleCounts.binId, bins.id), sql`${cycleCounts.status} <> 'resolved'`))
    .where(and(eq(bins.centerId, viewer.centerId), eq(bins.code, code.trim().toUpperCase())));
  if (!row) throw new DomainError("not_found:bin", `No bin ${code.trim()} in this center.`, { bin: code.trim() });
  const { bin } = row;
  const open = row.openCountId && row.openCountStatus ? { id: row.openCountId, status: row.openCountStatus } : undefined;
  const blind = Boolean(open && open.status !== "submitted" && !hasRole(viewer.role, ["manager"]));
  const contents = blind
    ? []
    : await q
        .select({ ...itemRowColumns, storedAt: items.storedAt })
        .from(items)
        .leftJoin(products, productOfItem)
        .where(eq(items.binId, bin.id))
        .orderBy(asc(items.storedAt));
  return {
    code: bin.code,
    zoneCode: row.zoneCode,
    zoneName: row.zoneName,
    sizeClass: bin.sizeClass,
    capacity: bin.capacity,
    occupied: blind ? null : bin.occupied,
    free: blind ? null : Math.max(0, bin.capacity - bin.occupied),
    active: bin.active,
    lastCountedAt: bin.lastCountedAt?.toISOString() ?? null,
    countRequestedAt: bin.countRequestedAt?.toISOString() ?? null,
    openCount: open ?? null,
    blind,
    items: contents.map((i) => ({ ...i, storedAt: i.storedAt?.toISOString() ?? null })),
  };
}

/** Audit actions that put an item into a bin or take it out. */
export const locationActions = ["putaway", "move", "found", "mark_missing", "pick"] as const;

export type ItemLocation = {
  id: string;
  code: string;
  state: string;
  productName: string;
  bin: string | null;
  history: { at: string; action: string; binCode: string | null; fromBinCode: string | null; station: string | null }[];
};

/** Where an item is and every bin it has been in, from its audit trail. */
export async function findItemLocation(q: Queryable, centerId: string, code: string): Promise<ItemLocation> {
  const [row] = await q
    .select({ item: items, binCode: bins.code })
    .from(items)
    .leftJoin(bins, eq(bins.id, items.binId))
    .where(and(eq(items.centerId, centerId), eq(items.code, normalizeItemCode(code))));
  if (!row) throw new DomainError("not_found:item", `No item ${code.trim()} in this center.`, { code: code.trim() });
  const events = await q
    .select()
    .from(itemEvents)
    .where(and(eq(itemEvents.itemId, row.item.id), inArray(itemEvents.action, [...locationActions])))
    .orderBy(desc(itemEvents.id));
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    id: row.item.id,
    code: row.item.code ?? "",
    state: row.item.state,
    productName: row.item.productName,
    bin: row.binCode ?? null,
    history: events.map((e) => ({
      at: e.createdAt.toISOString(),
      action: e.action,
      binCode: text(e.details.binCode),
      fromBinCode: text(e.details.fromBinCode),
      station: e.station,
    })),
  };
}

import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { reusableQuery } from "@/db/reusable-query";
import { bins, inboundOrders, items, products, type Bin, type Item } from "@/db/schema";
import type { LockedItem } from "@/lib/items/apply-transition";
import type { SizeClass } from "@/db/schema/catalog";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { normalizeItemCode } from "@/lib/scan-codes/item-code";
import { sizeClassOf } from "./size-class";
import { suggestBin } from "./suggest-bin";
import { productOfItem } from "@/lib/catalog/item-row-columns";

export type CatalogueNames = { productNameKo: string | null; productNameEn: string | null };

/**
 * An item of the center by its label code, with its storage size class and catalogue names. With
 * `lock`, the item row is locked for update in the same statement and comes back as `locked` too,
 * for applyTransition (which then does not read it again).
 */
export async function findItemForStorage(
  q: Queryable,
  centerId: string,
  code: string,
  opts: { lock?: boolean } = {},
): Promise<{ item: Item; sizeClass: SizeClass; names: CatalogueNames; locked?: LockedItem }> {
  const values = { centerId, code: normalizeItemCode(code) };
  const [row] = opts.lock ? await storageItemLocked(q, values) : await storageItem(q, values);
  if (!row) throw new DomainError("not_found:item", `No item ${code.trim()} in this center.`, { code: code.trim() });
  return {
    item: row.item,
    sizeClass: sizeClassOf(row.item, row.productClass),
    names: { productNameKo: row.productNameKo, productNameEn: row.productNameEn },
    ...(opts.lock ? { locked: { item: row.item, orderExternalId: row.orderExternalId, now: row.now } } : {}),
  };
}

// findItemForStorage's two statements, their SQL built once (db/reusable-query.ts).
const storageItemSelect = (q: Queryable) =>
  q
    .select({
      item: items,
      orderExternalId: inboundOrders.externalId,
      now: sql`now()`.mapWith(items.updatedAt),
      productClass: products.sizeClass,
      productNameKo: products.nameKo,
      productNameEn: products.nameEn,
    })
    .from(items)
    .innerJoin(inboundOrders, eq(inboundOrders.id, items.orderId))
    .leftJoin(products, productOfItem)
    .where(and(eq(items.centerId, sql.placeholder("centerId")), eq(items.code, sql.placeholder("code"))));
const storageItem = reusableQuery((q) => storageItemSelect(q));
const storageItemLocked = reusableQuery((q) => storageItemSelect(q).for("update", { of: items }));

/** A bin of the center by its code: one probe of the unique index bins_center_code_idx (the benchmark explains it). */
export const binByCode = (q: Queryable, centerId: string, code: string) =>
  q
    .select()
    .from(bins)
    .where(and(eq(bins.centerId, centerId), eq(bins.code, code.trim().toUpperCase())));

// binByCode's statement, its SQL built once (db/reusable-query.ts).
const binOfCenter = reusableQuery((q) => q.select().from(bins).where(and(eq(bins.centerId, sql.placeholder("centerId")), eq(bins.code, sql.placeholder("code")))));

/** A bin of the center by its code. */
export async function findBin(tx: Queryable, centerId: string, code: string): Promise<Bin> {
  const [bin] = await binOfCenter(tx, { centerId, code: code.trim().toUpperCase() });
  if (!bin) throw new DomainError("not_found:bin", `No bin ${code.trim()} in this center.`, { bin: code.trim() });
  return bin;
}

/** Refuses a bin of the wrong class or an inactive one, before any slot is taken. */
export function checkBinFits(bin: Bin, sizeClass: SizeClass): void {
  if (!bin.active) throw new DomainError("conflict:bin_inactive", `Bin ${bin.code} is deactivated; use another bin.`, { bin: bin.code });
  if (bin.sizeClass === "Q") {
    throw new DomainError("conflict:bin_quarantine", `Bin ${bin.code} is a quarantine bin; stored items do not go there.`, { bin: bin.code });
  }
  if (bin.sizeClass !== sizeClass) {
    throw new DomainError("conflict:bin_class", `Bin ${bin.code} is for size class ${bin.sizeClass}; this item is ${sizeClass}.`, {
      bin: bin.code,
      binClass: bin.sizeClass,
      itemClass: sizeClass,
    });
  }
}

// takeSlot's update, its SQL built once (db/reusable-query.ts).
const slotTaken = reusableQuery((q) =>
  q
    .update(bins)
    .set({ occupied: sql`${bins.occupied} + 1` })
    .where(and(eq(bins.id, sql.placeholder("binId")), eq(bins.active, true), lt(bins.occupied, bins.capacity)))
    .returning(),
);

/**
 * Takes one slot in a bin, or refuses. The update only matches while the bin has room, so of two
 * stations taking the last slot at once the second (after the first commits) matches nothing:
 * capacity is never exceeded. The refusal names a new suggestion.
 */
export async function takeSlot(tx: Tx, ctx: StaffContext, bin: Bin, sizeClass: SizeClass): Promise<Bin> {
  const [taken] = await slotTaken(tx, { binId: bin.id });
  return taken ?? refuseFullBin(tx, ctx, bin, sizeClass);
}

// A slot taken in a bin named by its code, when the bin fits an item of the class: its SQL built once.
const slotTakenByCode = reusableQuery((q) =>
  q
    .update(bins)
    .set({ occupied: sql`${bins.occupied} + 1` })
    .where(
      and(
        eq(bins.centerId, sql.placeholder("centerId")),
        eq(bins.code, sql.placeholder("code")),
        eq(bins.sizeClass, sql.placeholder("sizeClass")),
        eq(bins.active, true),
        lt(bins.occupied, bins.capacity),
      ),
    )
    .returning(),
);

/**
 * A bin of the center by its code, with one slot taken in the same statement when it is active, of
 * the item's class and has room (`taken`: the bin after it). Otherwise `taken` is null and the bin is
 * read as it is, for the caller's refusal: checkBinFits, then (the bin fitting) refuseFullBin. As
 * with takeSlot, of two stations taking the last slot the second matches nothing.
 */
export async function findBinTakingSlot(tx: Tx, centerId: string, code: string, sizeClass: SizeClass): Promise<{ bin: Bin; taken: Bin | null }> {
  const [taken] = await slotTakenByCode(tx, { centerId, code: code.trim().toUpperCase(), sizeClass });
  return taken ? { bin: taken, taken } : { bin: await findBin(tx, centerId, code), taken: null };
}

/** The refusal of a full bin, naming another bin of the class with room. */
export async function refuseFullBin(tx: Tx, ctx: StaffContext, bin: Bin, sizeClass: SizeClass): Promise<never> {
  const next = await suggestBin(tx, ctx.centerId, sizeClass, { operatorId: ctx.userId, exclude: [bin.id] });
  throw new DomainError(
    "conflict:bin_full",
    next ? `Bin ${bin.code} is full. Use ${next.code} instead.` : `Bin ${bin.code} is full, and no other ${sizeClass} bin has room.`,
    { bin: bin.code, suggestion: next?.code ?? null },
  );
}

/** Gives back the slot an item held in a bin. */
export async function releaseSlot(tx: Tx, binId: string): Promise<void> {
  await tx
    .update(bins)
    .set({ occupied: sql`${bins.occupied} - 1` })
    .where(and(eq(bins.id, binId), gt(bins.occupied, 0)));
}

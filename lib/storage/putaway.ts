import { z } from "zod";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { items, products } from "@/db/schema";
import { itemRowColumns, productOfItem } from "@/lib/catalog/item-row-columns";
import type { SizeClass } from "@/db/schema/catalog";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, staffActor } from "@/lib/items/apply-transition";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { binCodeSchema, itemCodeInputSchema, parseInput, requireStorageOperator, scanIdSchema } from "./guards";
import { checkBinFits, findBinTakingSlot, findItemForStorage, refuseFullBin, type CatalogueNames } from "./occupancy";
import { suggestBin, type BinSuggestion } from "./suggest-bin";

/** productNameKo/En: the catalogue's names (screens pick with lib/catalog/product-name.ts). */
export type PutawayItemView = CatalogueNames & { id: string; code: string; productName: string; sku: string; size: string; category: string; state: string; sizeClass: SizeClass };

export type PutawayLookup = { item: PutawayItemView; suggestion: BinSuggestion | null };

export const putawayLookupSchema = z.object({ itemCode: itemCodeInputSchema, exclude: z.array(z.uuid()).max(50).optional() });

/** A scanned item waiting for putaway, and the bin Legit suggests for it. Reads only. */
export async function lookupPutaway(db: Db, ctx: StaffContext, input: z.input<typeof putawayLookupSchema>): Promise<PutawayLookup> {
  requireStorageOperator(ctx);
  const data = parseInput(putawayLookupSchema, input);
  // Two reads, no transaction (a BEGIN and a COMMIT for nothing): the putaway itself checks again.
  const { item, sizeClass, names } = await findItemForStorage(db, ctx.centerId, data.itemCode);
  if (item.state !== "awaiting_putaway") {
    throw new DomainError("conflict:not_awaiting_putaway", `${item.code} is ${item.state.replace(/_/g, " ")}, not waiting for putaway.`, {
      code: item.code,
      state: item.state,
    });
  }
  const suggestion = await suggestBin(db, ctx.centerId, sizeClass, { operatorId: ctx.userId, exclude: data.exclude });
  return { item: viewOf(item, sizeClass, names), suggestion };
}

export const putawaySchema = z.object({
  scanId: scanIdSchema,
  itemCode: itemCodeInputSchema,
  binCode: binCodeSchema,
  /** The bin that was suggested; scanning a different one is recorded as an override. */
  suggestedBinCode: binCodeSchema.optional(),
});

export type PutawayAnswer = { item: PutawayItemView; bin: { code: string; occupied: number; capacity: number }; override: boolean };

/**
 * Puts an item away into the scanned bin: class and capacity checked, one slot taken, the item
 * `stored` with its bin, audit row and event, all in one transaction.
 */
export async function putAway(db: Db, ctx: StaffContext, input: z.input<typeof putawaySchema>): Promise<ScanOutcome<PutawayAnswer>> {
  requireStorageOperator(ctx);
  const data = parseInput(putawaySchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "storage.putaway" }, async (tx) => {
    const { item, sizeClass, names, locked } = await findItemForStorage(tx, ctx.centerId, data.itemCode, { lock: true });
    // The bin's slot is taken in the same statement that reads it, when it fits; its refusals come in
    // the same order as before: the bin's own, then the item's (the transition), then a full bin.
    const { bin, taken } = await findBinTakingSlot(tx, ctx.centerId, data.binCode, sizeClass);
    const override = data.suggestedBinCode !== undefined && data.suggestedBinCode !== bin.code;
    checkBinFits(bin, sizeClass);
    const { item: stored } = await applyTransition(tx, {
      itemId: item.id,
      action: "putaway",
      locked,
      actor: staffActor(ctx),
      centerId: ctx.centerId,
      set: { binId: bin.id, storedAt: new Date() },
      details: { binId: bin.id, binCode: bin.code, sizeClass, ...(override ? { override: true, suggestedBinCode: data.suggestedBinCode } : {}) },
    });
    if (!taken) return refuseFullBin(tx, ctx, bin, sizeClass);
    return { item: viewOf(stored, sizeClass, names), bin: { code: taken.code, occupied: taken.occupied, capacity: taken.capacity }, override };
  });
}

export function viewOf(
  item: { id: string; code: string | null; productName: string; sku: string; size: string; category: string; state: string },
  sizeClass: SizeClass,
  names: CatalogueNames,
): PutawayItemView {
  return { id: item.id, code: item.code ?? "", productName: item.productName, ...names, sku: item.sku, size: item.size, category: item.category, state: item.state, sizeClass };
}

export type AwaitingPutaway = CatalogueNames & { id: string; code: string; productName: string; size: string; category: string };

/** Items waiting for putaway, oldest first (the station's work list). */
export async function listAwaitingPutaway(q: Queryable, centerId: string, limit = 50): Promise<AwaitingPutaway[]> {
  const rows = await q
    .select({ ...itemRowColumns, category: items.category })
    .from(items)
    .leftJoin(products, productOfItem)
    .where(and(eq(items.centerId, centerId), eq(items.state, "awaiting_putaway")))
    .orderBy(asc(items.updatedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, code: r.code ?? "" }));
}

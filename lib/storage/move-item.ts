import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import type { Bin, Item } from "@/db/schema";
import type { SizeClass } from "@/db/schema/catalog";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, type Actor, staffActor } from "@/lib/items/apply-transition";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { binCodeSchema, itemCodeInputSchema, parseInput, requireStorageOperator, scanIdSchema } from "./guards";
import { checkBinFits, findBin, findItemForStorage, releaseSlot, takeSlot } from "./occupancy";
import { viewOf, type PutawayItemView } from "./putaway";
import { bins, products } from "@/db/schema";
import { eq } from "drizzle-orm";

export const moveSchema = z.object({ scanId: scanIdSchema, itemCode: itemCodeInputSchema, binCode: binCodeSchema });

export type MoveAnswer = { item: PutawayItemView; from: string | null; to: { code: string; occupied: number; capacity: number } };

/** Moves a stored item to the scanned bin (same checks as putaway); both bins' counts change with it. */
export async function moveItem(db: Db, ctx: StaffContext, input: z.input<typeof moveSchema>): Promise<ScanOutcome<MoveAnswer>> {
  requireStorageOperator(ctx);
  const data = parseInput(moveSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "storage.move" }, async (tx) => {
    const { item, sizeClass } = await findItemForStorage(tx, ctx.centerId, data.itemCode);
    const bin = await findBin(tx, ctx.centerId, data.binCode);
    return relocate(tx, ctx, staffActor(ctx), item, sizeClass, bin, {});
  });
}

/**
 * Records that a stored item now lies in `bin`: a `move` transition (a missing item that turned up:
 * `found`), the old bin's slot given back and one taken in the new bin, in the caller's transaction.
 */
export async function relocate(
  tx: Tx,
  ctx: StaffContext,
  actor: Actor,
  item: Item,
  sizeClass: SizeClass,
  bin: Bin,
  extra: Record<string, unknown>,
): Promise<MoveAnswer> {
  if (item.binId === bin.id && item.state === "stored") {
    throw new DomainError("conflict:same_bin", `${item.code} is already in ${bin.code}.`, { code: item.code, bin: bin.code });
  }
  checkBinFits(bin, sizeClass);
  const [from] = item.binId ? await tx.select().from(bins).where(eq(bins.id, item.binId)) : [];
  const action = item.state === "missing" ? "found" : "move";
  const { item: moved } = await applyTransition(tx, {
    itemId: item.id,
    action,
    actor,
    centerId: ctx.centerId,
    expectedVersion: item.version,
    set: { binId: bin.id },
    details: { binId: bin.id, binCode: bin.code, fromBinCode: from?.code ?? null, ...extra },
  });
  if (from && item.state === "stored") await releaseSlot(tx, from.id);
  const taken = await takeSlot(tx, ctx, bin, sizeClass);
  const [names = { productNameKo: null, productNameEn: null }] = await tx
    .select({ productNameKo: products.nameKo, productNameEn: products.nameEn })
    .from(products)
    .where(eq(products.sku, item.sku));
  return { item: viewOf(moved, sizeClass, names), from: from?.code ?? null, to: { code: taken.code, occupied: taken.occupied, capacity: taken.capacity } };
}

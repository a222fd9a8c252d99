import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { bins, inspections, items, products, quarantineActions, quarantineDecisions, type Item, type QuarantineDecisionKind } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, recordItemEvent, type Actor, staffActor } from "@/lib/items/apply-transition";
import { normalizeItemCode } from "@/lib/scan-codes/item-code";
import { checkPhotoBytes } from "@/lib/photos/check-photo";
import { extensionFor } from "@/lib/photos/image-type";
import type { PhotoStore } from "@/lib/photos/photo-store";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import { parseInput, requireDispatcher, requireManager, scanIdSchema } from "./guards";
import type { ItemNames } from "./item-names";
import { reasonLabeller, type ReasonLabel } from "./reason-labels";
import { productOfItem } from "@/lib/catalog/item-row-columns";
import { quarantineListLimit } from "./quarantine-list-limit";

/** Bins of this class hold quarantined goods, apart from saleable stock (never suggested for putaway). */
export const quarantineBinClass = "Q";

export type QuarantineEntry = ItemNames & {
  sku: string;
  state: "quarantined" | "kept_as_evidence";
  binCode: string | null;
  verdict: string | null;
  /** The inspection's reasons, named in both languages (the screen shows the user's). */
  reasons: ReasonLabel[];
  since: string;
  decisions: { decision: QuarantineDecisionKind; reason: string; handedTo: string | null; photos: number; at: string }[];
};

/** Items held in quarantine (or kept as evidence), oldest first. */
export async function listQuarantine(db: Db, ctx: StaffContext): Promise<QuarantineEntry[]> {
  requireDispatcher(ctx);
  const rows = await db
    .select({ item: items, binCode: bins.code, productNameKo: products.nameKo, productNameEn: products.nameEn })
    .from(items)
    .leftJoin(bins, eq(bins.id, items.binId))
    .leftJoin(products, productOfItem)
    .where(and(eq(items.centerId, ctx.centerId), inArray(items.state, ["quarantined", "kept_as_evidence"])))
    .orderBy(asc(items.updatedAt))
    .limit(quarantineListLimit);
  const ids = rows.map((r) => r.item.id);
  const insp = ids.length
    ? await db
        .select()
        .from(inspections)
        .where(and(inArray(inspections.itemId, ids), inArray(inspections.status, ["done", "awaiting_review"])))
        .orderBy(desc(inspections.submittedAt))
    : [];
  const actions = ids.length ? await db.select().from(quarantineActions).where(inArray(quarantineActions.itemId, ids)).orderBy(asc(quarantineActions.decidedAt)) : [];
  // Newest inspection and every decision of each item, by item id (one pass each, not a search per row).
  const lastInspection = new Map<string, (typeof insp)[number]>();
  for (const i of insp) if (!lastInspection.has(i.itemId)) lastInspection.set(i.itemId, i);
  const labelled = await reasonLabeller(db, ctx.centerId, [...lastInspection.values()].flatMap((i) => i.reasonCodes));
  const decisionsOf = new Map<string, (typeof actions)[number][]>();
  for (const a of actions) decisionsOf.set(a.itemId, [...(decisionsOf.get(a.itemId) ?? []), a]);
  return rows.map(({ item, binCode, productNameKo, productNameEn }) => {
    const inspection = lastInspection.get(item.id);
    return {
      itemId: item.id,
      itemCode: item.code,
      productName: item.productName,
      productNameKo,
      productNameEn,
      size: item.size,
      sku: item.sku,
      state: item.state as QuarantineEntry["state"],
      binCode,
      verdict: inspection?.reviewVerdict ?? inspection?.verdict ?? null,
      reasons: labelled(inspection?.reasonCodes ?? []),
      since: item.updatedAt.toISOString(),
      decisions: (decisionsOf.get(item.id) ?? []).map((a) => ({ decision: a.decision, reason: a.reason, handedTo: a.handedTo, photos: a.photoKeys.length, at: a.decidedAt.toISOString() })),
    };
  });
}

export const quarantineBinSchema = z.object({ scanId: scanIdSchema, itemCode: z.string().trim().min(1).max(40), binCode: z.string().trim().min(1).max(60) });

/**
 * Puts a quarantined item into a quarantine bin (bin class Q), out of reach of saleable stock. Item
 * bin and bins' occupancy change in one transaction.
 */
export async function placeInQuarantineBin(db: Db, ctx: StaffContext, input: z.input<typeof quarantineBinSchema>): Promise<ScanOutcome<{ itemCode: string; binCode: string }>> {
  requireDispatcher(ctx);
  const data = parseInput(quarantineBinSchema, input);
  return withScanId(db, { scanId: data.scanId, userId: ctx.userId, kind: "dispatch.quarantine_bin" }, async (tx) => {
    const code = normalizeItemCode(data.itemCode);
    const [item] = await tx.select().from(items).where(and(eq(items.centerId, ctx.centerId), eq(items.code, code))).for("update");
    if (!item) throw new DomainError("not_found:item", `There is no item ${code} in this center.`, { code });
    if (item.state !== "quarantined" && item.state !== "kept_as_evidence") {
      throw new DomainError("conflict:not_quarantined", `${code} is not in quarantine.`, { code, state: item.state });
    }
    const binCode = data.binCode.toUpperCase();
    const [bin] = await tx
      .select({ bin: bins })
      .from(bins)
      .where(and(eq(bins.centerId, ctx.centerId), eq(bins.code, binCode)))
      .for("update");
    if (!bin) throw new DomainError("not_found:scanned_bin", `There is no bin ${binCode} in this center.`, { bin: binCode });
    if (bin.bin.sizeClass !== quarantineBinClass) throw new DomainError("conflict:not_quarantine_bin", `${binCode} is not a quarantine bin.`, { bin: binCode });
    if (item.binId === bin.bin.id) return { itemCode: code, binCode };
    if (bin.bin.occupied >= bin.bin.capacity) throw new DomainError("conflict:quarantine_bin_full", `Bin ${binCode} is full.`, { bin: binCode });
    await moveOutOfBin(tx, item);
    await tx.update(bins).set({ occupied: sql`${bins.occupied} + 1` }).where(eq(bins.id, bin.bin.id));
    await tx.update(items).set({ binId: bin.bin.id, updatedAt: sql`now()` }).where(eq(items.id, item.id));
    await recordItemEvent(tx, { item, action: "quarantine_binned", actor: staffActor(ctx), details: { bin: binCode } });
    return { itemCode: code, binCode };
  });
}

async function moveOutOfBin(tx: Tx, item: Item): Promise<void> {
  if (!item.binId) return;
  await tx.update(bins).set({ occupied: sql`greatest(${bins.occupied} - 1, 0)` }).where(eq(bins.id, item.binId));
}

export const quarantineDecisionSchema = z
  .object({
    itemId: z.uuid(),
    decision: z.enum(quarantineDecisions),
    reason: z.string().trim().min(3, "say why in a few words").max(1000),
    handedTo: z.string().trim().max(200).optional(),
  })
  .refine((d) => !d.decision.startsWith("hand_to") || (d.handedTo ?? "").length > 0, { path: ["handedTo"], message: "name who receives it" });

export type QuarantinePhoto = { bytes: Uint8Array; contentType: string };

/**
 * A manager decides a quarantined counterfeit's fate, with a reason and at least one photo:
 * return it to the seller (to packing, with a return shipment), hand it to the brand or the
 * authorities (it leaves: `handed_over`), or keep it as evidence (decided again later).
 */
export async function decideQuarantine(
  db: Db,
  store: PhotoStore,
  ctx: StaffContext,
  input: z.input<typeof quarantineDecisionSchema>,
  photos: QuarantinePhoto[],
): Promise<{ itemCode: string | null; state: Item["state"] }> {
  requireManager(ctx);
  const data = parseInput(quarantineDecisionSchema, input);
  if (photos.length === 0) throw new DomainError("validation:photo_required", "Add at least one photo of the item as it leaves or is kept.");
  if (photos.length > 6) throw new DomainError("validation:too_many_photos", "At most 6 photos per decision.");
  const types = photos.map((p) => checkPhotoBytes(p.bytes));
  await db.transaction((tx) => decidableItem(tx, ctx, data.itemId, data.decision));
  const keys: string[] = [];
  for (const [i, photo] of photos.entries()) {
    const key = `quarantine/${data.itemId}/${randomUUID()}.${extensionFor[types[i]]}`;
    await store.put(key, photo.bytes, types[i]);
    keys.push(key);
  }
  // A refused or lost decision (another manager decided first) leaves no photos behind.
  return decideInTx(db, ctx, data, keys).catch(async (error: unknown) => {
    await Promise.all(keys.map((key) => store.delete(key)));
    throw error;
  });
}

function decideInTx(db: Db, ctx: StaffContext, data: z.output<typeof quarantineDecisionSchema>, keys: string[]): Promise<{ itemCode: string | null; state: Item["state"] }> {
  return db.transaction(async (tx) => {
    const item = await decidableItem(tx, ctx, data.itemId, data.decision);
    const actor: Actor = staffActor(ctx);
    const details = { quarantineDecision: data.decision, reason: data.reason, handedTo: data.handedTo ?? null, photos: keys.length };
    let moved: Item;
    if (data.decision === "return_to_seller") {
      await moveOutOfBin(tx, item);
      await applyTransition(tx, { itemId: item.id, action: "release_quarantine", actor, centerId: ctx.centerId, set: { binId: null }, details });
      ({ item: moved } = await applyTransition(tx, { itemId: item.id, action: "route_return", actor, centerId: ctx.centerId, set: { destination: "seller" }, details }));
    } else if (data.decision === "keep_as_evidence") {
      ({ item: moved } = await applyTransition(tx, { itemId: item.id, action: "keep_as_evidence", actor, centerId: ctx.centerId, details }));
    } else {
      await moveOutOfBin(tx, item);
      ({ item: moved } = await applyTransition(tx, { itemId: item.id, action: "hand_over", actor, centerId: ctx.centerId, set: { binId: null }, details }));
    }
    await tx.insert(quarantineActions).values({
      centerId: ctx.centerId,
      itemId: item.id,
      decision: data.decision,
      reason: data.reason,
      handedTo: data.handedTo ?? null,
      photoKeys: keys,
      decidedBy: ctx.userId,
    });
    return { itemCode: moved.code, state: moved.state };
  });
}

async function decidableItem(tx: Tx, ctx: StaffContext, itemId: string, decision: QuarantineDecisionKind): Promise<Item> {
  const [item] = await tx.select().from(items).where(and(eq(items.id, itemId), eq(items.centerId, ctx.centerId))).for("update");
  if (!item) throw new DomainError("not_found:item", "No such item in this center.");
  const ok = item.state === "quarantined" || (item.state === "kept_as_evidence" && decision !== "keep_as_evidence");
  if (!ok) {
    throw new DomainError("conflict:not_quarantined", `${item.code ?? "This item"} is ${item.state.replace(/_/g, " ")}; there is no quarantine decision to make.`, {
      code: item.code ?? "?",
      state: item.state,
    });
  }
  return item;
}

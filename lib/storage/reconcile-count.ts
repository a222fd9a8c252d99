import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { bins, cycleCountDifferences, cycleCounts, items, products, users, type CountResolution } from "@/db/schema";
import { recordAdminEvent } from "@/lib/admin/admin-events";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { applyTransition, staffActor } from "@/lib/items/apply-transition";
import { binCodeSchema, parseInput, requireManager } from "./guards";
import { relocate } from "./move-item";
import { findBin, findItemForStorage, releaseSlot } from "./occupancy";
import { productOfItem } from "@/lib/catalog/item-row-columns";

export type CountDifferenceView = {
  id: string;
  kind: "missing" | "unexpected";
  code: string;
  itemId: string | null;
  productName: string | null;
  /** The catalogue's names, for the screen's language (lib/catalog/product-name.ts). */
  productNameKo: string | null;
  productNameEn: string | null;
  state: string | null;
  /** Where the item is recorded now. */
  recordedBin: string | null;
  resolution: CountResolution | null;
};

export type CountReview = { id: string; binCode: string; status: string; countedBy: string | null; submittedAt: string | null; differences: CountDifferenceView[] };

/** Submitted counts with their differences, oldest first: the manager's reconciliation queue. */
export async function listCountsToReview(q: Queryable, centerId: string, opts: { countId?: string } = {}): Promise<CountReview[]> {
  const counts = await q
    .select({ id: cycleCounts.id, binCode: bins.code, status: cycleCounts.status, countedBy: users.name, submittedAt: cycleCounts.submittedAt })
    .from(cycleCounts)
    .innerJoin(bins, eq(bins.id, cycleCounts.binId))
    .leftJoin(users, eq(users.id, cycleCounts.countedBy))
    .where(and(eq(cycleCounts.centerId, centerId), opts.countId ? eq(cycleCounts.id, opts.countId) : eq(cycleCounts.status, "submitted")))
    .orderBy(asc(cycleCounts.submittedAt))
    .limit(100);
  if (counts.length === 0) return [];
  const rows = await q
    .select({ d: cycleCountDifferences, productName: items.productName, productNameKo: products.nameKo, productNameEn: products.nameEn, state: items.state, recordedBin: bins.code })
    .from(cycleCountDifferences)
    .leftJoin(items, eq(items.id, cycleCountDifferences.itemId))
    .leftJoin(products, productOfItem)
    .leftJoin(bins, eq(bins.id, items.binId))
    .where(inArray(cycleCountDifferences.countId, counts.map((c) => c.id)))
    .orderBy(asc(cycleCountDifferences.kind), asc(cycleCountDifferences.code));
  return counts.map((c) => ({
    ...c,
    submittedAt: c.submittedAt?.toISOString() ?? null,
    differences: rows
      .filter((r) => r.d.countId === c.id)
      .map((r) => ({
        id: r.d.id,
        kind: r.d.kind,
        code: r.d.code,
        itemId: r.d.itemId,
        productName: r.productName,
        productNameKo: r.productNameKo,
        productNameEn: r.productNameEn,
        state: r.state,
        recordedBin: r.recordedBin,
        resolution: r.d.resolution,
      })),
  }));
}

export const resolveDifferenceSchema = z.discriminatedUnion("resolution", [
  /** A missing item was found in another bin: record it there. */
  z.object({ differenceId: z.uuid(), resolution: z.literal("moved_found_elsewhere"), binCode: binCodeSchema }),
  /** A missing item is gone: it becomes `missing` (outbox event for the marketplace). */
  z.object({ differenceId: z.uuid(), resolution: z.literal("marked_missing") }),
  /** An unexpected item is here: record it in the counted bin. */
  z.object({ differenceId: z.uuid(), resolution: z.literal("moved_here") }),
  /** Nothing to change (the record is already right, or the code is not one of ours). */
  z.object({ differenceId: z.uuid(), resolution: z.literal("no_change") }),
]);

/**
 * The manager resolves one difference of a submitted count. The item change is a transition (audit
 * row and event) with the bins' counts in the same transaction; the difference records who resolved
 * it how, and so does the administration log. When the last difference is resolved, the count is
 * closed.
 */
export async function resolveDifference(db: Db, ctx: StaffContext, input: z.input<typeof resolveDifferenceSchema>): Promise<{ countStatus: string }> {
  requireManager(ctx);
  const data = parseInput(resolveDifferenceSchema, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ d: cycleCountDifferences, count: cycleCounts })
      .from(cycleCountDifferences)
      .innerJoin(cycleCounts, eq(cycleCounts.id, cycleCountDifferences.countId))
      .where(and(eq(cycleCountDifferences.id, data.differenceId), eq(cycleCounts.centerId, ctx.centerId)))
      .for("update");
    if (!row) throw new DomainError("not_found:count_difference", "No such count difference in this center.");
    const { d, count } = row;
    if (d.resolution) throw new DomainError("conflict:difference_resolved", `${d.code} was already resolved (${d.resolution}).`, { code: d.code });
    const actor = staffActor(ctx);
    const trail = { countId: count.id, resolution: data.resolution };
    const [countBin] = await tx.select().from(bins).where(eq(bins.id, count.binId));
    const allowed: Record<typeof d.kind, string[]> = { missing: ["moved_found_elsewhere", "marked_missing", "no_change"], unexpected: ["moved_here", "no_change"] };
    if (!allowed[d.kind].includes(data.resolution)) {
      throw new DomainError("validation:resolution", `A ${d.kind} item cannot be resolved as ${data.resolution}.`, { kind: d.kind, resolution: data.resolution });
    }
    if (data.resolution !== "no_change") {
      if (!d.itemId) throw new DomainError("conflict:unknown_code", `${d.code} is not one of this center's items; nothing can be moved.`, { code: d.code });
      const { item, sizeClass } = await findItemForStorage(tx, ctx.centerId, d.code);
      if (data.resolution === "marked_missing") {
        if (item.binId !== countBin.id) {
          throw new DomainError("conflict:item_moved", `${d.code} is no longer recorded in ${countBin.code}; look again.`, { code: d.code, bin: countBin.code });
        }
        await applyTransition(tx, {
          itemId: item.id,
          action: "mark_missing",
          actor,
          centerId: ctx.centerId,
          expectedVersion: item.version,
          set: { binId: null },
          details: { ...trail, binId: countBin.id, binCode: countBin.code, fromBinCode: countBin.code },
        });
        await releaseSlot(tx, countBin.id);
      } else {
        const target = data.resolution === "moved_here" ? countBin : await findBin(tx, ctx.centerId, data.binCode);
        await relocate(tx, ctx, actor, item, sizeClass, target, trail);
      }
    }
    await tx
      .update(cycleCountDifferences)
      .set({ resolution: data.resolution, resolvedBy: ctx.userId, resolvedAt: new Date() })
      .where(eq(cycleCountDifferences.id, d.id));
    // Every decision is in the administration log, a `no_change` (which moves nothing) too.
    await recordAdminEvent(tx, {
      centerId: ctx.centerId,
      actorUserId: ctx.userId,
      action: "count_difference_resolved",
      targetType: "cycle_count",
      targetId: count.id,
      details: { bin: countBin.code, code: d.code, kind: d.kind, resolution: data.resolution, ...(data.resolution === "moved_found_elsewhere" ? { to: data.binCode } : {}) },
    });
    const [open] = await tx
      .select({ id: cycleCountDifferences.id })
      .from(cycleCountDifferences)
      .where(and(eq(cycleCountDifferences.countId, count.id), isNull(cycleCountDifferences.resolution)))
      .limit(1);
    if (open) return { countStatus: count.status };
    await tx.update(cycleCounts).set({ status: "resolved", resolvedAt: new Date() }).where(eq(cycleCounts.id, count.id));
    return { countStatus: "resolved" };
  });
}

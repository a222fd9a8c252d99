import { and, eq, exists, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { inspections, items } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { DomainError } from "@/lib/errors/domain-error";
import { claimInTx, type ClaimResult } from "./claims";
import { inspectorAction } from "./inspector-action";
import { loadCenterSettings } from "./inspection-settings";
import { claimCutoff, listInspectionQueue } from "./list-inspection-queue";

export const claimNextSchema = z.object({
  scanId: z.string().trim().min(1).max(100),
  /** The inspection just finished on this screen: "next" is asked from it. */
  inspectionId: z.uuid(),
});

/** How far down the queue "next" looks past items other inspectors are claiming at this moment. */
const lookAhead = 20;

/**
 * "Next item" on the inspection screen (after `inspectionId`): claims the item at the head of the queue (the order the
 * queue page shows). An item another inspector is claiming at this very moment (its row locked) is
 * passed over for the one after it, so two inspectors pressing "next" together get two items.
 * Nothing waiting: refused with `not_found:queue_empty`.
 */
export function claimNextItem(db: Db, ctx: StaffContext, input: z.input<typeof claimNextSchema>, now: Date = new Date()): Promise<ClaimResult> {
  return inspectorAction(db, ctx, { kind: "inspection.claim_next", schema: claimNextSchema, input }, async (tx, data) => {
    const [from] = await tx
      .select({ id: inspections.id })
      .from(inspections)
      .where(and(eq(inspections.id, data.inspectionId), eq(inspections.centerId, ctx.centerId)));
    if (!from) throw new DomainError("not_found:inspection", "No such inspection in this center.");
    const queue = await listInspectionQueue(tx, ctx.centerId, { limit: lookAhead, now });
    const cutoff = claimCutoff(await loadCenterSettings(tx, ctx.centerId), now);
    for (const entry of queue) {
      const [free] = await tx
        .select({ id: items.id })
        .from(items)
        // Still received, or in inspection under a claim that timed out (the queue lists those as
        // waiting); checked again on the row locked, so one another inspector just claimed is passed over.
        .where(
          and(
            eq(items.id, entry.itemId),
            or(
              eq(items.state, "received"),
              and(
                eq(items.state, "in_inspection"),
                exists(
                  tx
                    .select({ id: inspections.id })
                    .from(inspections)
                    .where(and(eq(inspections.itemId, items.id), eq(inspections.status, "open"), lt(inspections.claimedAt, cutoff))),
                ),
              ),
            ),
          ),
        )
        .for("update", { skipLocked: true });
      if (free) return claimInTx(tx, ctx, { scanId: data.scanId, itemId: free.id }, now);
    }
    throw new DomainError("not_found:queue_empty", "No item is waiting for inspection.");
  });
}

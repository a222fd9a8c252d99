import { and, eq, inArray, sql } from "drizzle-orm";
import { reusableQuery } from "@/db/reusable-query";
import type { Queryable, Tx } from "@/db/client";
import { inspections, items, type Inspection, type Item } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { lockedItemSelect, type LockedItem } from "@/lib/items/apply-transition";

/**
 * Locks an inspection and its item for a change. Always the item row first, then the
 * inspection: every inspection write takes the locks in this order, so two of them never deadlock.
 * The item is found through the inspection in the same statement that locks it (the inspection's
 * row is only read there), and comes with what a transition needs (`locked`, for applyTransition).
 */
export async function lockInspectionAndItem(tx: Tx, centerId: string, inspectionId: string): Promise<{ inspection: Inspection; item: Item; locked: LockedItem }> {
  const [locked] = await lockItemOfInspection(tx, { inspectionId, centerId });
  if (!locked) throw new DomainError("not_found:inspection", "No such inspection in this center.");
  const [inspection] = await lockInspection(tx, { inspectionId });
  return { inspection, item: locked.item, locked };
}

/**
 * lockInspectionAndItem for a sweep that must not wait: null when another transaction holds the
 * item (it is left for a later sweep) or there is no such inspection. Same lock order: item, then
 * inspection; only the item's lock is tried without waiting, so the sweep never waits holding it.
 */
export async function tryLockInspectionAndItem(tx: Tx, centerId: string, inspectionId: string): Promise<{ inspection: Inspection; item: Item; locked: LockedItem } | null> {
  const [locked] = await tryLockItemOfInspection(tx, { inspectionId, centerId });
  if (!locked) return null;
  const [inspection] = await lockInspection(tx, { inspectionId });
  return { inspection, item: locked.item, locked };
}

// Their SQL built once (db/reusable-query.ts).
const itemOfTheInspection = (q: Queryable) =>
  inArray(
    items.id,
    q
      .select({ itemId: inspections.itemId })
      .from(inspections)
      .where(and(eq(inspections.id, sql.placeholder("inspectionId")), eq(inspections.centerId, sql.placeholder("centerId")))),
  );
export const lockItemOfInspection = reusableQuery((q) => lockedItemSelect(q, itemOfTheInspection(q)));
const tryLockItemOfInspection = reusableQuery((q) => lockedItemSelect(q, itemOfTheInspection(q), { skipLocked: true }));
const lockInspection = reusableQuery((q) => q.select().from(inspections).where(eq(inspections.id, sql.placeholder("inspectionId"))).for("update"));

/** Refuses unless the inspection is open and claimed by this user. */
export function requireOpenClaim(inspection: Inspection, item: Item, userId: string, what: string): void {
  const label = item.code ?? "This item";
  if (inspection.status === "released") {
    throw new DomainError(
      "conflict:claim_released",
      `Your claim on ${label} was released (timed out or by a manager); scan the item again to claim it.`,
      { item: item.code ?? "—" },
    );
  }
  if (inspection.status !== "open") {
    throw new DomainError("conflict:inspection_closed", `The inspection of ${label} already has a verdict; you cannot ${what} any more.`, { item: item.code ?? "—" });
  }
  if (inspection.inspectorId !== userId) {
    throw new DomainError("forbidden:not_claimer", `${label} is being inspected by someone else; only they can ${what}.`, { item: item.code ?? "—" });
  }
}

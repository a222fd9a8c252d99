import { and, asc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { inspections, items, users } from "@/db/schema";
import { loadCenterSettings } from "./inspection-settings";

/**
 * The inspector's queue: received items waiting for inspection (oldest first, so the ones nearest
 * or past the center's inspection deadline lead) and items being inspected, with who has them.
 */
export async function listInspectionQueue(q: Queryable, centerId: string, now: Date = new Date()) {
  const settings = await loadCenterSettings(q, centerId);
  const deadlineMs = settings.inspectionDeadlineHours * 3_600_000;
  const rows = await q
    .select({
      itemId: items.id,
      itemCode: items.code,
      state: items.state,
      type: items.type,
      sku: items.sku,
      productName: items.productName,
      category: items.category,
      size: items.size,
      price: items.price,
      receivedAt: items.receivedAt,
      inspectionId: inspections.id,
      inspectorId: inspections.inspectorId,
      inspectorName: users.name,
      claimedAt: inspections.claimedAt,
    })
    .from(items)
    .leftJoin(inspections, and(eq(inspections.itemId, items.id), eq(inspections.status, "open")))
    .leftJoin(users, eq(users.id, inspections.inspectorId))
    .where(and(eq(items.centerId, centerId), inArray(items.state, ["received", "in_inspection"]), eq(items.returnToSeller, false)))
    .orderBy(asc(items.receivedAt), asc(items.createdAt))
    .limit(500);
  return rows.map((r) => {
    const since = (r.receivedAt ?? now).getTime();
    const dueAt = new Date(since + deadlineMs);
    return {
      ...r,
      waitingMs: Math.max(0, now.getTime() - since),
      dueAt,
      /** Past the center's inspection deadline (hours after receipt). */
      overdue: now.getTime() > dueAt.getTime(),
      /** Within the last fifth of the deadline window. */
      dueSoon: now.getTime() <= dueAt.getTime() && dueAt.getTime() - now.getTime() < deadlineMs / 5,
    };
  });
}
export type InspectionQueueEntry = Awaited<ReturnType<typeof listInspectionQueue>>[number];

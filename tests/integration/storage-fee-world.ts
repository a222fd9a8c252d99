import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { centers, inboundOrders, itemEvents, items, type CenterSettings } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { startCount, submitCount } from "@/lib/storage/count-bin";
import { listCountsToReview, resolveDifference } from "@/lib/storage/reconcile-count";
import { restampStays } from "@/lib/storage/stays";
import { createUser, defaultSettings } from "../helpers/fixtures";
import { setUpApiWorld } from "./api-helpers";
import { ctxOf } from "./inspection-fixtures";
import { scan, storedIn } from "./storage-fixtures";

/**
 * The storage-fee tests' set-up (storage-fees, storage-fee-one-rule, storage-stays): the API world
 * (its center A with the time zone and settings given), an operator and a manager of center A.
 */
export async function storageFeeWorld(db: Db, center: { timezone?: string; settings?: Partial<CenterSettings> } = {}) {
  const world = await setUpApiWorld(db);
  if (center.timezone || center.settings) {
    await db
      .update(centers)
      .set({ ...(center.timezone ? { timezone: center.timezone } : {}), ...(center.settings ? { settings: { ...defaultSettings, ...center.settings } } : {}) })
      .where(eq(centers.id, world.a.id));
  }
  const operator = ctxOf(await createUser(db, world.a.id, "operator"));
  const manager = ctxOf(await createUser(db, world.a.id, "manager"));
  return { world, operator, manager };
}

type FeeStaff = { operator: StaffContext; manager: StaffContext };

/** A stored item of `seller`, put away in `binCode`; `storedAt` rewrites the putaway's time, and its stay is restamped to match. */
export async function storedFor(db: Db, operator: StaffContext, binCode: string, opts: { seller: string; sellerName?: string; storedAt?: Date; category?: string }) {
  const item = await storedIn(db, operator, binCode, { category: opts.category });
  await db.update(inboundOrders).set({ seller: { id: opts.seller, name: opts.sellerName ?? `Seller ${opts.seller}` } }).where(eq(inboundOrders.id, item.orderId));
  if (opts.storedAt) await db.update(items).set({ storedAt: opts.storedAt }).where(eq(items.id, item.id));
  // The history was rewritten by hand: its stay is what that history would have made it.
  await restampStays(db, sql`i.id = ${item.id}`);
  return item;
}

/** Moves the item's `action` audit row to `at`, and restamps its stay as that history would have made it. */
export async function setEventTime(db: Db, itemId: string, action: string, at: Date) {
  await db.update(itemEvents).set({ createdAt: at }).where(and(eq(itemEvents.itemId, itemId), eq(itemEvents.action, action)));
  await restampStays(db, sql`i.id = ${itemId}`);
}

/** The bin (holding one item) counted empty and the difference resolved as missing: a real mark_missing. */
export async function markMissingByCount(db: Db, { operator, manager }: FeeStaff, binCode: string) {
  const count = await startCount(db, operator, { scanId: scan(), binCode });
  await submitCount(db, operator, { scanId: scan(), countId: count.result.countId });
  const [review] = await listCountsToReview(db, operator.centerId, { countId: count.result.countId });
  await resolveDifference(db, manager, { differenceId: review.differences[0].id, resolution: "marked_missing" });
}

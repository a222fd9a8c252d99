import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bins, itemEvents, items, outboxEvents, type CenterSettings, type Item } from "@/db/schema";
import type { SizeClass } from "@/db/schema/catalog";
import type { StaffContext } from "@/lib/auth/staff-context";
import { createBins } from "@/lib/storage/bins-admin";
import { putAway } from "@/lib/storage/putaway";
import { createCenter, createOrderWithItems, createUser, defaultSettings } from "../helpers/fixtures";
import { ctxOf, scan } from "./inspection-fixtures";

export { scan };

/** A center with a manager and two operators, and a zone maker. */
export async function storageCenter(db: Db, settings: Partial<CenterSettings> = {}) {
  const center = await createCenter(db, { settings: { ...defaultSettings, ...settings } });
  const [manager, operator, operator2] = await Promise.all([
    createUser(db, center.id, "manager"),
    createUser(db, center.id, "operator"),
    createUser(db, center.id, "operator"),
  ]);
  return { center, manager: ctxOf(manager, "DESK-1"), operator: ctxOf(operator, "TAB-1"), operator2: ctxOf(operator2, "TAB-2") };
}

let zoneNo = 0;
/** A fresh zone of `count` bins in one aisle/rack (levels 1..count), returned in pick-path order. */
export async function makeZone(db: Db, manager: StaffContext, opts: { sizeClass?: SizeClass | "Q"; capacity?: number; count?: number } = {}) {
  const zoneCode = `Z${(++zoneNo).toString(36).toUpperCase()}`;
  await createBins(db, manager, {
    zoneCode,
    aisles: { from: 1, to: 1 },
    racks: { from: 1, to: 1 },
    levels: { from: 1, to: opts.count ?? 3 },
    sizeClass: opts.sizeClass ?? "S",
    capacity: opts.capacity ?? 2,
  });
  const all = await db.select().from(bins).where(eq(bins.centerId, manager.centerId)).orderBy(asc(bins.pickSequence));
  return all.filter((b) => b.code.startsWith(`BIN-${zoneCode}-`));
}

/** Storage items waiting for putaway (sneakers: size class S unless `category` says otherwise). */
export async function awaitingPutaway(db: Db, centerId: string, n = 1, opts: { category?: string } = {}) {
  return createOrderWithItems(db, centerId, Array(n).fill("awaiting_putaway"), { type: "storage", category: opts.category });
}

/** A stored item in `binCode`, put away through the domain (sneakers unless `category` says otherwise). */
export async function storedIn(db: Db, operator: StaffContext, binCode: string, opts: { category?: string; beforePutaway?: (item: Item) => Promise<void> } = {}) {
  const [item] = await awaitingPutaway(db, operator.centerId, 1, opts);
  await opts.beforePutaway?.(item);
  await putAway(db, operator, { scanId: scan(), itemCode: item.code!, binCode });
  return item;
}

export async function binByCode(db: Db, code: string) {
  const [bin] = await db.select().from(bins).where(eq(bins.code, code));
  return bin;
}

export async function itemById(db: Db, id: string) {
  const [item] = await db.select().from(items).where(eq(items.id, id));
  return item;
}

export async function eventsOf(db: Db, itemId: string) {
  const audit = await db.select().from(itemEvents).where(eq(itemEvents.itemId, itemId)).orderBy(asc(itemEvents.id));
  const outbox = await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, itemId)).orderBy(asc(outboxEvents.id));
  return { audit, outbox };
}


import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bins, carrierRanges, inboundOrders, itemEvents, items, outboxEvents, shipments, zones, type Bin, type Item, type Party } from "@/db/schema";
import { createApiClient, type ApiCaller } from "@/lib/api/api-clients";
import type { StaffContext } from "@/lib/auth/staff-context";
import { readPickQueue } from "@/lib/dispatch/pick-queue";
import { claimPickList, pickScan } from "@/lib/dispatch/picking";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { createOrderWithItems, createUser, uniq } from "../helpers/fixtures";
import { ctxOf, inspectionCenter, scan } from "./inspection-fixtures";

/** A center with inspection defaults, staff, a storage zone A with six bins, a quarantine zone Q, and a CJ number range. */
export async function dispatchWorld(db: Db) {
  const people = await inspectionCenter(db);
  const centerId = people.center.id;
  const binsOf = async (code: string, count: number, capacity: number, sizeClass: "S" | "Q" = "S") => {
    const [zone] = await db.insert(zones).values({ centerId, code, name: `Zone ${code}` }).returning();
    return db
      .insert(bins)
      .values(Array.from({ length: count }, (_, i) => ({ centerId, zoneId: zone.id, code: `BIN-${code}-01-01-${i + 1}`, sizeClass, capacity, pickSequence: count - i })))
      .returning();
  };
  // Pick sequence runs against the bin numbers, so bin-path order differs from code order.
  const storage = await binsOf("A", 6, 4);
  const quarantine = await binsOf("Q", 2, 10, "Q");
  await db.insert(carrierRanges).values({ centerId, carrier: "CJ", prefix: "6890", nextNumber: 1, lastNumber: 999_999, digits: 8 });
  const operator2 = await createUser(db, centerId, "operator", { name: `Han ${uniq()}` });
  return { ...people, operator2, bins: storage, quarantineBins: quarantine, op: ctxOf(people.operator, "PACK-01"), op2: ctxOf(operator2, "PICK-02"), mgr: ctxOf(people.manager, "DESK") };
}
export type DispatchWorld = Awaited<ReturnType<typeof dispatchWorld>>;

/** The marketplace as an API caller of the center: it reports sales and withdrawals. */
export async function marketplaceCaller(db: Db, centerId: string): Promise<ApiCaller> {
  const { client } = await createApiClient(db, { name: "Marketplace", centerIds: [centerId] });
  return { id: client.id, name: client.name, centerIds: [centerId] };
}

/** A stored storage item in `bin` (item and bin occupancy written together, as putaway does). */
export async function storedItem(db: Db, bin: Bin, seller: Party = { id: uniq("S"), name: "Kim Seller", address: "12 Teheran-ro, Seoul" }): Promise<Item> {
  const [item] = await createOrderWithItems(db, bin.centerId, ["stored"], { type: "storage" });
  await db.update(inboundOrders).set({ seller }).where(eq(inboundOrders.id, item.orderId));
  await db.update(bins).set({ occupied: sql`${bins.occupied} + 1` }).where(eq(bins.id, bin.id));
  const [moved] = await db.update(items).set({ binId: bin.id, code: freshCode() }).where(eq(items.id, item.id)).returning();
  return moved;
}

/** A real item code (scans are classified by its check character). */
export const freshCode = () => generateItemCode();

export async function binOf(db: Db, binId: string) {
  const [bin] = await db.select().from(bins).where(eq(bins.id, binId));
  return bin;
}

export async function activeShipment(db: Db, itemId: string) {
  const [row] = await db.select().from(shipments).where(eq(shipments.itemId, itemId)).orderBy(asc(shipments.createdAt));
  return row;
}

export async function eventsOf(db: Db, itemId: string) {
  const audit = await db.select().from(itemEvents).where(eq(itemEvents.itemId, itemId)).orderBy(asc(itemEvents.id));
  const outbox = await db.select().from(outboxEvents).where(eq(outboxEvents.itemId, itemId)).orderBy(asc(outboxEvents.id));
  return { audit, outbox };
}

/** Claims the pick list holding `item` and picks it by scanning its bin, then the item. */
export async function pickOne(db: Db, ctx: StaffContext, item: Item) {
  const lists = await readPickQueue(db, ctx);
  const withItem = [];
  for (const l of lists) {
    const claimed = await claimPickList(db, ctx, { scanId: scan(), pickListId: l.id }).catch(() => null);
    if (claimed?.result.lines.some((line) => line.itemId === item.id)) withItem.push(claimed.result);
  }
  const list = withItem[0];
  if (!list) throw new Error("item is on no claimable pick list");
  const line = list.lines.find((l) => l.itemId === item.id)!;
  await pickScan(db, ctx, { scanId: scan(), pickListId: list.id, code: line.binCode! });
  return pickScan(db, ctx, { scanId: scan(), pickListId: list.id, code: item.code! });
}

export async function itemNow(db: Db, itemId: string) {
  const [row] = await db.select().from(items).where(and(eq(items.id, itemId)));
  return row;
}

import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { centers, inboundOrders, items, users, type CenterSettings, type Item, type ItemState, type Role } from "@/db/schema";
import type { OrderType } from "@/db/schema/orders";

export const defaultSettings: CenterSettings = {
  inspectionDeadlineHours: 24,
  fourEyesPrice: 1_000_000,
  penaltyRates: { fail_counterfeit: 0.15, fail_used: 0.15, fail_defect: 0.1, fail_wrong_item: 0.1, fail_missing_parts: 0.1 },
  storageFreeDays: 30,
  claimTimeoutMinutes: 30,
};

export const uniq = (prefix = "") => `${prefix}${randomBytes(5).toString("hex")}`;

export async function createCenter(db: Db, overrides: Partial<typeof centers.$inferInsert> = {}) {
  const [center] = await db
    .insert(centers)
    .values({ code: uniq("C").toUpperCase(), name: "Test center", timezone: "Asia/Seoul", settings: defaultSettings, ...overrides })
    .returning();
  return center;
}

export async function createUser(db: Db, centerId: string, role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db
    .insert(users)
    .values({ centerId, role, name: `${role} ${uniq()}`, ...overrides })
    .returning();
  return user;
}

/** An order with one item per state given, inserted directly (for tests of later stages). */
export async function createOrderWithItems(
  db: Db,
  centerId: string,
  states: ItemState[],
  opts: { type?: OrderType; price?: number; category?: string; trackingNumber?: string } = {},
): Promise<Item[]> {
  const type = opts.type ?? "trade";
  const [order] = await db
    .insert(inboundOrders)
    .values({
      centerId,
      externalId: uniq("ORD-"),
      type,
      seller: { id: uniq("S"), name: "Kim Seller", address: "12 Teheran-ro, Seoul" },
      buyer: type === "trade" ? { id: uniq("B"), name: "Lee Buyer", address: "Seoul" } : null,
      trackingNumber: opts.trackingNumber ?? null,
    })
    .returning();
  if (states.length === 0) return [];
  return db
    .insert(items)
    .values(
      states.map((state) => ({
        centerId,
        orderId: order.id,
        type,
        state,
        code: state === "expected" || state === "cancelled" ? null : uniq("IT").toUpperCase().padEnd(13, "0").slice(0, 13),
        sku: "DD1391-100",
        productName: "Nike Dunk Low Retro White Black",
        category: opts.category ?? "sneakers",
        size: "270",
        price: opts.price ?? 129_000,
      })),
    )
    .returning();
}

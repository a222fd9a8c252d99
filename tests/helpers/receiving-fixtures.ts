import type { Db } from "@/db/client";
import { inboundOrders, items, orderLines, products, type Item } from "@/db/schema";
import type { OrderType } from "@/db/schema/orders";
import type { StaffContext } from "@/lib/auth/staff-context";
import { createCenter, createUser, uniq } from "./fixtures";

export type UnitSpec = { sku?: string; productName?: string; category?: string; size?: string; price?: number };

/** An announced order as the marketplace API would create it: order, one line and one expected item per unit. */
export async function createAnnouncedOrder(
  db: Db,
  centerId: string,
  opts: { type?: OrderType; trackingNumber?: string | null; sellerId?: string; sellerName?: string; externalId?: string; units?: UnitSpec[] } = {},
) {
  const type = opts.type ?? "trade";
  const units = opts.units ?? [{}, {}];
  const [order] = await db
    .insert(inboundOrders)
    .values({
      centerId,
      externalId: opts.externalId ?? uniq("ORD-"),
      type,
      seller: { id: opts.sellerId ?? uniq("S"), name: opts.sellerName ?? "Kim Seller" },
      buyer: type === "trade" ? { id: uniq("B"), name: "Lee Buyer", address: "Seoul" } : null,
      trackingNumber: opts.trackingNumber === undefined ? uniq("CJ").toUpperCase() : opts.trackingNumber,
    })
    .returning();
  const specs = units.map((u, i) => ({
    sku: u.sku ?? "DD1391-100",
    productName: u.productName ?? "나이키 덩크 로우 레트로 화이트 블랙",
    category: u.category ?? "sneakers",
    size: u.size ?? String(260 + i * 5),
    price: u.price ?? 129_000,
  }));
  const lines = await db
    .insert(orderLines)
    .values(specs.map((s, i) => ({ orderId: order.id, lineNo: i + 1, ...s })))
    .returning();
  const created: Item[] = await db
    .insert(items)
    .values(specs.map((s, i) => ({ centerId, orderId: order.id, orderLineId: lines[i].id, type, state: "expected" as const, ...s })))
    .returning();
  // Return the units in line order.
  const sorted = lines.map((l) => created.find((it) => it.orderLineId === l.id)!);
  return { order, items: sorted };
}

export async function ensureProduct(db: Db, sku = "DD1391-100") {
  await db
    .insert(products)
    .values({
      sku,
      brand: "Nike",
      nameEn: "Nike Dunk Low Retro White Black",
      nameKo: "나이키 덩크 로우 레트로 화이트 블랙",
      category: "sneakers",
      colour: "White/Black",
      releasePrice: 129_000,
      sizes: "220-300/5",
      sizeClass: "S",
      imageUrl: "https://images.example/dd1391-100.jpg",
    })
    .onConflictDoNothing();
}

export async function staffContext(db: Db, centerId: string, role: StaffContext["role"] = "operator", station = "RCV-01"): Promise<StaffContext> {
  const user = await createUser(db, centerId, role);
  return { userId: user.id, centerId, role, station };
}

export const scanId = () => uniq("scan-");

/** A fresh center with a receiving operator (RCV-01) and a manager (DESK-1), and the catalog product the fixtures use. */
export async function receivingDesk(db: Db): Promise<{ ctx: StaffContext; manager: StaffContext }> {
  const center = await createCenter(db);
  const ctx = await staffContext(db, center.id, "operator", "RCV-01");
  const manager = await staffContext(db, center.id, "manager", "DESK-1");
  await ensureProduct(db);
  return { ctx, manager };
}

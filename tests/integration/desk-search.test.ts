import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { items, parcels, products, shipments } from "@/db/schema";
import { searchItems, type SearchKey } from "@/lib/desk/search-items";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, uniq } from "../helpers/fixtures";
import { createAnnouncedOrder } from "../helpers/receiving-fixtures";
import { eq } from "drizzle-orm";

describeEachDb("desk search", (use) => {
  const tag = uniq().toUpperCase();
  let centerId: string;
  let target: { id: string; code: string };
  let order: { externalId: string };
  beforeAll(async () => {
    const db = use();
    const center = await createCenter(db);
    centerId = center.id;
    const sku = `SKU-${tag}`;
    await db.insert(products).values({
      sku,
      brand: "Nike",
      nameEn: `Air Jordan ${tag} Chicago`,
      nameKo: "에어 조던 시카고",
      category: "sneakers",
      colour: "Red",
      releasePrice: 200_000,
      sizes: "220-300/5",
      sizeClass: "S",
    });
    const announced = await createAnnouncedOrder(db, centerId, {
      sellerName: "박서준",
      sellerId: `SELL-${tag}`,
      trackingNumber: `CJ${tag}77`,
      units: [{ sku, productName: `Jordan 1 Retro High ${tag}` }],
    });
    order = announced.order;
    const code = `IT${tag}`.slice(0, 13).padEnd(13, "Z");
    const [parcel] = await db.insert(parcels).values({ centerId, trackingNumber: `PARCEL${tag}`, status: "received" }).returning();
    await db.update(items).set({ code, state: "received", parcelId: parcel.id }).where(eq(items.id, announced.items[0].id));
    await db.insert(shipments).values({ centerId, itemId: announced.items[0].id, destination: "buyer", recipient: { id: "b", name: "b" }, reason: "trade_passed", shipBy: new Date(), trackingNumber: `OUT${tag}` });
    target = { id: announced.items[0].id, code };
    // Noise: another center's item with the same product must never show.
    const other = await createCenter(db);
    await createAnnouncedOrder(db, other.id, { sellerName: "박서준", units: [{ sku, productName: `Jordan 1 Retro High ${tag}` }] });
    await createOrderWithItems(db, centerId, ["received", "stored"]);
  });

  const hitsFor = async (q: string) => (await searchItems(use(), centerId, q)).filter((h) => h.id === target.id);

  const cases: [string, () => string, SearchKey][] = [
    ["full item code", () => target.code, "code"],
    ["part of the item code, lower case", () => target.code.slice(2, 9).toLowerCase(), "code"],
    ["inbound parcel tracking number", () => `parcel${tag.slice(0, 6)}`, "tracking"],
    ["announced tracking number with a hyphen", () => `CJ${tag.slice(0, 4)}-${tag.slice(4)}`, "tracking"],
    ["outbound shipment tracking number", () => `OUT${tag}`, "tracking"],
    ["order id", () => order.externalId, "order"],
    ["part of the order id", () => order.externalId.slice(4), "order"],
    ["seller name in Korean, partial", () => "서준", "seller"],
    ["seller id", () => `SELL-${tag}`, "seller"],
    ["product name in English, partial, any case", () => `retro high ${tag.slice(0, 5).toLowerCase()}`, "product"],
    ["catalogue name in Korean", () => "조던 시카", "product"],
    ["SKU", () => `SKU-${tag}`, "sku"],
  ];
  it.each(cases)("finds the item by %s", async (_, q, key) => {
    const hits = await hitsFor(q());
    expect(hits).toHaveLength(1);
    expect(hits[0].matchedBy).toContain(key);
    expect(hits[0]).toMatchObject({ code: target.code, orderExternalId: order.externalId, sellerName: "박서준" });
  });

  it("answers nothing for an unknown word and refuses a one-letter query", async () => {
    expect(await searchItems(use(), centerId, `nothing-${tag}-here`)).toEqual([]);
    await expect(searchItems(use(), centerId, "a")).rejects.toThrow();
  });

  it("can answer each partial match from a trigram index (no table scan needed)", async () => {
    const db = use();
    const plans: string[] = [];
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const where of [
        sql`code ilike '%K3M9%'`,
        sql`sku ilike '%1391%'`,
        sql`legit_search_key(product_name) like legit_search_key('%덩크%')`,
        sql`product_name ilike '%retro high%'`,
      ]) {
        const result = await tx.execute(sql`explain select id from items where ${where}`);
        plans.push(JSON.stringify(result));
      }
      const seller = await tx.execute(
        sql`explain select id from inbound_orders where legit_search_key((seller ->> 'name') || ' ' || (seller ->> 'id')) like legit_search_key('%서준%')`,
      );
      plans.push(JSON.stringify(seller));
    });
    expect(plans[0]).toContain("items_code_trgm_idx");
    expect(plans[1]).toContain("items_sku_trgm_idx");
    expect(plans[2]).toContain("items_name_key_trgm_idx");
    expect(plans[3]).toContain("items_name_trgm_idx");
    expect(plans[4]).toContain("inbound_orders_seller_key_trgm_idx");
  });
});

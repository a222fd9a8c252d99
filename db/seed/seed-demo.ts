import { and, asc, count, desc, eq, lt, sql } from "drizzle-orm";
import { migrationLockKey, type Db, type Tx } from "../open-db";
import {
  bins,
  centers,
  checklists,
  inspections,
  inboundOrders,

  items,
  orderLines,
  products,
  users,
  zones,
  type CenterSettings,
  type ItemState,
  type Product,
  type Verdict,
} from "../schema";
import { createApiClient } from "@/lib/api/api-clients";
import { demoApiTokens } from "@/scripts/demo-tokens";
import { hashSecret } from "@/lib/auth/password-hash";
import { defaultReasonCodes } from "@/lib/inspection/default-reason-codes";
import { installInspectionDefaults } from "@/lib/inspection/install-defaults";
import { applyTransition } from "@/lib/items/apply-transition";
import type { ItemAction } from "@/lib/items/transitions";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { expandSizes, loadCatalog } from "./catalog";
import { seedDispatch } from "./seed-dispatch";
import { demoPassword, demoPeople, demoPin } from "./demo-people";

const settings = (fourEyesPrice: number): CenterSettings => ({
  inspectionDeadlineHours: 24,
  fourEyesPrice,
  penaltyRates: { fail_counterfeit: 0.15, fail_used: 0.15, fail_defect: 0.1, fail_wrong_item: 0.1, fail_missing_parts: 0.1 },
  storageFreeDays: 30,
  claimTimeoutMinutes: 30,
});

/**
 * The demo centers. Names a center's staff give (its own name, its zones) are in its staff's
 * language: Seoul's crew works in Korean, Tokyo's in English (demo-people.ts).
 */
const demoCenters = [
  { code: "SEL", name: "서울 검수센터", timezone: "Asia/Seoul", currency: "KRW", settings: settings(1_000_000), language: "ko" as const },
  { code: "TYO", name: "Tokyo Inspection Center", timezone: "Asia/Tokyo", currency: "KRW", settings: settings(1_000_000), language: "en" as const },
];

type Language = (typeof demoCenters)[number]["language"];

/** A small deterministic random source, so the demo looks the same on every machine. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The actions that take a new item to each state, trade and storage (DESIGN.md's item life). */
const pathTo: Record<ItemState, { type: "trade" | "storage"; actions: ItemAction[] }> = {
  expected: { type: "trade", actions: [] },
  cancelled: { type: "trade", actions: ["cancel"] },
  received: { type: "trade", actions: ["receive"] },
  in_inspection: { type: "trade", actions: ["receive", "claim"] },
  held: { type: "trade", actions: ["receive", "claim", "hold"] },
  passed: { type: "storage", actions: ["receive", "claim", "pass"] },
  failed: { type: "trade", actions: ["receive", "claim", "fail"] },
  quarantined: { type: "trade", actions: ["receive", "claim", "quarantine"] },
  awaiting_putaway: { type: "storage", actions: ["receive", "claim", "pass", "route_storage"] },
  stored: { type: "storage", actions: ["receive", "claim", "pass", "route_storage", "putaway"] },
  awaiting_pick: { type: "storage", actions: ["receive", "claim", "pass", "route_storage", "putaway", "sell"] },
  awaiting_pack: { type: "trade", actions: ["receive", "claim", "pass", "route_trade"] },
  packed: { type: "trade", actions: ["receive", "claim", "pass", "route_trade", "pack"] },
  dispatched: { type: "trade", actions: ["receive", "claim", "pass", "route_trade", "pack", "dispatch"] },
  missing: { type: "storage", actions: ["receive", "claim", "pass", "route_storage", "putaway", "mark_missing"] },
  kept_as_evidence: { type: "trade", actions: ["receive", "claim", "quarantine", "keep_as_evidence"] },
  handed_over: { type: "trade", actions: ["receive", "claim", "quarantine", "hand_over"] },
};

/** How many demo items of each state per center: most work sits at the front of the flow. */
const demoMix: Partial<Record<ItemState, number>> & Record<string, number> = {
  expected: 14, received: 10, in_inspection: 2, held: 2, passed: 1, failed: 3, quarantined: 1, awaiting_putaway: 6,
  stored: 12, awaiting_pick: 6, awaiting_pack: 4, packed: 2, dispatched: 6, cancelled: 2, kept_as_evidence: 1, handed_over: 1, missing: 1,
};

/** The demo's sellers and buyers, where they live: Seoul's in Korea (in Korean), Tokyo's in Japan (in English). */
const demoParties: Record<Language, { sellers: string[]; buyers: string[]; sellerAddress: (n: number) => string; buyerAddress: string; saleBuyer: { id: string; name: string; address: string } }> = {
  ko: {
    sellers: ["홍길동", "장민서", "조하은", "서지우", "문태호", "배수빈"],
    buyers: ["강지훈", "윤서아", "임도현", "오예린", "신우진", "한지민", "류재현"],
    sellerAddress: (n) => `서울특별시 성동구 왕십리로 ${n}`,
    buyerAddress: "서울특별시 강남구 테헤란로 123",
    saleBuyer: { id: "B-9001", name: "윤서아", address: "부산광역시 해운대구 센텀중앙로 79" },
  },
  en: {
    sellers: ["Nakamura Sho", "Watanabe Rin", "Ito Hana", "Kato Yuto", "Yoshida Mei", "Yamamoto Sora"],
    buyers: ["Yamada Kenta", "Kobayashi Mio", "Saito Riku", "Matsumoto Yui", "Inoue Daiki", "Kimura Aoi", "Hayashi Ren"],
    sellerAddress: (n) => `${n}-1 Jingumae, Shibuya-ku, Tokyo`,
    buyerAddress: "2-3-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo",
    saleBuyer: { id: "B-9001", name: "Kobayashi Mio", address: "1-1 Umeda, Kita-ku, Osaka" },
  },
};

export async function isDatabaseEmpty(db: Db | Tx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(centers);
  return Number(row.n) === 0;
}

/**
 * Fills an empty database with the demo, safely when several instances start at once: the
 * emptiness check and the whole seed run in one transaction under the migration advisory lock, so
 * one instance seeds and the others, waiting on the lock, then find data and do nothing. A failed
 * seed leaves nothing behind. Returns whether this call seeded.
 */
export async function seedDemoIfEmpty(db: Db, log: (line: string) => void = () => {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${migrationLockKey})`);
    if (!(await isDatabaseEmpty(tx))) return false;
    await fillDemo(tx as unknown as Db, log);
    return true;
  });
}

/** Fills an empty database with the demo (one transaction); refuses a database that has data. */
export async function seedDemo(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  if (!(await seedDemoIfEmpty(db, log))) throw new Error("The database already has data; not seeding the demo.");
}

/** Centers, staff, catalog, bins, checklists, API clients and items in every state. */
async function fillDemo(db: Db, log: (line: string) => void): Promise<void> {
  const catalog = loadCatalog();
  const insertedProducts = await db.insert(products).values(catalog).onConflictDoNothing().returning();
  const allProducts = insertedProducts.length ? insertedProducts : await db.select().from(products);
  const [passwordHash, pinHash] = await Promise.all([hashSecret(demoPassword), hashSecret(demoPin)]);

  for (const [index, spec] of demoCenters.entries()) {
    const { language, ...row } = spec;
    const [center] = await db.insert(centers).values(row).returning();
    const staff = await db
      .insert(users)
      .values(
        demoPeople
          .filter((p) => p.center === spec.code)
          .map((p) => ({
            centerId: center.id,
            role: p.role,
            name: p.name,
            email: p.email,
            passwordHash: p.email ? passwordHash : null,
            badgeCode: p.badge,
            pinHash: p.badge ? pinHash : null,
            locale: p.locale,
          })),
      )
      .returning();
    await seedStorage(db, center.id, language);
    await installInspectionDefaults(db, center.id);
    const { client } = await createApiClient(db, { name: demoNames[language].apiClient(spec.code), centerIds: [center.id], token: demoApiTokens[spec.code as "SEL" | "TYO"] });
    const operator = staff.find((u) => u.role === "operator")!;
    const inspector = staff.find((u) => u.role === "inspector")!;
    const random = prng(index + 7);
    await seedItems(db, { centerId: center.id, centerCode: spec.code, apiClientId: client.id, operatorId: operator.id, inspectorId: inspector.id, random, parties: demoParties[language] }, allProducts, random);
    await seedDispatch(db, { centerId: center.id, operatorId: operator.id, centerCode: spec.code, quarantineZoneName: demoNames[language].quarantine });
    log(`seeded ${spec.code}: ${staff.length} staff`);
  }
}

/** The names the demo centers' staff gave their zones and API client, in their language. */
const demoNames: Record<Language, { zones: Record<"A" | "B" | "C", string>; quarantine: string; apiClient: (code: string) => string }> = {
  ko: { zones: { A: "신발 박스", B: "의류·전자기기", C: "가방·대형" }, quarantine: "격리 보관", apiClient: (code) => `데모마켓 ${code}` },
  en: { zones: { A: "Shoe boxes", B: "Apparel & tech", C: "Bags & large" }, quarantine: "Quarantine", apiClient: (code) => `Demo Market ${code}` },
};

async function seedStorage(db: Db, centerId: string, language: Language) {
  const names = demoNames[language].zones;
  const layout = [
    { code: "A" as const, name: names.A, sizeClass: "S" as const, capacity: 6 },
    { code: "B" as const, name: names.B, sizeClass: "M" as const, capacity: 4 },
    { code: "C" as const, name: names.C, sizeClass: "L" as const, capacity: 2 },
  ];
  for (const zone of layout) {
    const [z] = await db.insert(zones).values({ centerId, code: zone.code, name: zone.name }).returning();
    const rows = [];
    let sequence = 0;
    for (let aisle = 1; aisle <= 3; aisle++)
      for (let rack = 1; rack <= 4; rack++)
        for (let level = 1; level <= 3; level++)
          rows.push({
            centerId,
            zoneId: z.id,
            code: `BIN-${zone.code}-${String(aisle).padStart(2, "0")}-${String(rack).padStart(2, "0")}-${level}`,
            sizeClass: zone.sizeClass,
            capacity: zone.capacity,
            pickSequence: ++sequence,
          });
    await db.insert(bins).values(rows);
  }
}

type SeedContext = {
  centerId: string;
  centerCode: string;
  apiClientId: string;
  operatorId: string;
  inspectorId: string;
  random: () => number;
  parties: (typeof demoParties)[Language];
};

async function seedItems(db: Db, ctx: SeedContext, catalog: Product[], random: () => number) {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  let orderNo = 0;
  for (const [state, howMany] of Object.entries(demoMix) as [ItemState, number][]) {
    for (let n = 0; n < howMany; n++) {
      const path = pathTo[state];
      const product = pick(catalog);
      const size = pick(expandSizes(product.sizes));
      orderNo++;
      const hoursAgo = state === "expected" ? 0 : 2 + random() * 34;
      await db.transaction(async (tx) => {
        const [order] = await tx
          .insert(inboundOrders)
          .values({
            centerId: ctx.centerId,
            externalId: `${ctx.centerCode}-DEMO-${String(orderNo).padStart(4, "0")}`,
            apiClientId: ctx.apiClientId,
            type: path.type,
            seller: { id: `S-${1000 + orderNo}`, name: pick(ctx.parties.sellers), address: ctx.parties.sellerAddress(1 + (orderNo % 300)) },
            buyer: path.type === "trade" ? { id: `B-${2000 + orderNo}`, name: pick(ctx.parties.buyers), address: ctx.parties.buyerAddress } : null,
            // Expected parcels get easy tracking numbers, so the receiving demo can type them.
            trackingNumber: `${ctx.centerCode === "SEL" ? "5612" : "4470"}${String(orderNo).padStart(8, "0")}`,
          })
          .returning();
        const [line] = await tx
          .insert(orderLines)
          .values({ orderId: order.id, lineNo: 1, sku: product.sku, productName: product.nameEn, category: product.category, size, price: product.releasePrice })
          .returning();
        const [item] = await tx
          .insert(items)
          .values({
            centerId: ctx.centerId,
            orderId: order.id,
            orderLineId: line.id,
            type: path.type,
            state: "expected",
            sku: product.sku,
            productName: product.nameEn,
            category: product.category,
            size,
            price: product.releasePrice,
          })
          .returning();
        await walk(tx, ctx, item.id, path.actions, product, new Date(Date.now() - hoursAgo * 3_600_000));
      });
    }
  }
}

/** Moves one item along its path with real transitions, so its audit trail and outbox are complete. */
async function walk(tx: Tx, ctx: SeedContext, itemId: string, actions: ItemAction[], product: Product, receivedAt: Date) {
  const { sizeClass, category } = product;
  for (const action of actions) {
    const actor = { userId: action === "claim" || action === "pass" || action === "hold" || action === "fail" || action === "quarantine" ? ctx.inspectorId : ctx.operatorId, station: "SEED" };
    const set: Parameters<typeof applyTransition>[1]["set"] = {};
    const details: Record<string, unknown> = { seeded: true };
    if (action === "receive") Object.assign(set, { code: generateItemCode(), receivedAt });
    if (action === "fail" || action === "route_trade") Object.assign(set, { destination: action === "fail" ? "seller" : "buyer" });
    if (action === "sell") Object.assign(set, { destination: "buyer", saleBuyer: ctx.parties.saleBuyer });
    if (action === "putaway") {
      const [bin] = await tx
        .select({ id: bins.id, code: bins.code })
        .from(bins)
        .where(and(eq(bins.centerId, ctx.centerId), eq(bins.sizeClass, sizeClass as "S"), lt(bins.occupied, bins.capacity)))
        .orderBy(asc(bins.pickSequence))
        .limit(1);
      if (bin) await tx.update(bins).set({ occupied: sql`${bins.occupied} + 1` }).where(eq(bins.id, bin.id));
      Object.assign(set, { binId: bin?.id ?? null, storedAt: new Date() });
      Object.assign(details, { binId: bin?.id, binCode: bin?.code });
    }
    if (action === "mark_missing") {
      const [{ binId }] = await tx.select({ binId: items.binId }).from(items).where(eq(items.id, itemId));
      if (binId) await tx.update(bins).set({ occupied: sql`${bins.occupied} - 1` }).where(eq(bins.id, binId));
      Object.assign(set, { binId: null });
    }
    await applyTransition(tx, { itemId, action, actor, set, details });
    await recordSeedInspection(tx, ctx, itemId, action, category, actions.at(-1) === "claim");
  }
}

const seedVerdicts: Partial<Record<ItemAction, Verdict>> = {
  pass: "pass",
  hold: "pass_minor_defect",
  fail: "fail_defect",
  quarantine: "fail_counterfeit",
};

/**
 * Inspection rows for the seeded items, so the inspection screens and the desk's statistics have
 * something to show: an open claim (a few minutes old, inside the claim timeout) or a finished one.
 */
async function recordSeedInspection(tx: Tx, ctx: SeedContext, itemId: string, action: ItemAction, category: string, stillOpen: boolean) {
  const now = Date.now();
  if (action === "claim") {
    const [checklist] = await tx
      .select({ id: checklists.id })
      .from(checklists)
      .where(and(eq(checklists.centerId, ctx.centerId), eq(checklists.category, category), eq(checklists.active, true)))
      .orderBy(desc(checklists.version))
      .limit(1);
    const claimedAt = new Date(now - (stillOpen ? 5 : 20 + Math.floor(ctx.random() * 120)) * 60_000);
    await tx.insert(inspections).values({ itemId, centerId: ctx.centerId, inspectorId: ctx.inspectorId, checklistId: checklist?.id, claimedAt });
    return;
  }
  const verdict = seedVerdicts[action];
  if (!verdict) return;
  const [open] = await tx.select().from(inspections).where(and(eq(inspections.itemId, itemId), eq(inspections.status, "open")));
  if (!open) return;
  const durationMs = (3 + Math.floor(ctx.random() * 7)) * 60_000;
  const reason = defaultReasonCodes.find((r) => r.category === null && r.verdicts.includes(verdict));
  await tx
    .update(inspections)
    .set({
      verdict,
      reasonCodes: reason && verdict !== "pass" ? [reason.code] : [],
      status: "done",
      submittedAt: new Date(open.claimedAt.getTime() + durationMs),
      durationMs,
    })
    .where(eq(inspections.id, open.id));
}



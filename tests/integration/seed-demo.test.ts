import { and, count, eq, inArray, isNotNull } from "drizzle-orm";
import { expect, it } from "vitest";
import { apiClients, centers, inboundOrders, inspections, items, itemStates, shipments, users, zones } from "@/db/schema";
import { isDatabaseEmpty, seedDemo } from "@/db/seed/seed-demo";
import { countItemsByState } from "@/lib/desk/dashboard-queries";
import { listOpenClaims } from "@/lib/inspection/claims";
import { describeEachDb } from "../helpers/databases";

describeEachDb("demo data", (use) => {
  it("gives every screen something to show: both centers, items in every state, open claims with inspections", async () => {
    const db = use();
    expect(await isDatabaseEmpty(db)).toBe(true);
    await seedDemo(db);
    expect(await isDatabaseEmpty(db)).toBe(false);
    for (const code of ["SEL", "TYO"]) {
      const [center] = await db.select().from(centers).where(eq(centers.code, code));
      const counts = await countItemsByState(db, center.id);
      for (const state of itemStates) expect(counts[state], `${code} ${state}`).toBeGreaterThan(0);
      const [inInspection] = await db
        .select({ n: count() })
        .from(items)
        .where(and(eq(items.centerId, center.id), eq(items.state, "in_inspection")));
      expect(await listOpenClaims(db, center.id)).toHaveLength(Number(inInspection.n));
      const [done] = await db
        .select({ n: count() })
        .from(inspections)
        .where(and(eq(inspections.centerId, center.id), eq(inspections.status, "done")));
      expect(Number(done.n)).toBeGreaterThan(0);
      // Dispatch: every item on its way out has its shipment; packed ones a tracking number.
      const outgoing = await db
        .select({ state: items.state, status: shipments.status, tracking: shipments.trackingNumber })
        .from(items)
        .leftJoin(shipments, eq(shipments.itemId, items.id))
        .where(and(eq(items.centerId, center.id), inArray(items.state, ["awaiting_pick", "awaiting_pack", "packed", "dispatched"])));
      for (const row of outgoing) expect(row.status, `${code} ${row.state} shipment`).toBe(row.state === "packed" || row.state === "dispatched" ? row.state : "open");
      expect(outgoing.filter((r) => r.state !== "awaiting_pick" && r.state !== "awaiting_pack").every((r) => r.tracking)).toBe(true);
    }
  }, 120_000);

  it("names what a center's staff named in their language: Seoul's center, zones, staff, API client and its orders' people in Korean, Tokyo's in English", async () => {
    const db = use(); // seeded by the test above
    const hangul = /[\uac00-\ud7a3]/;
    for (const [code, korean] of [["SEL", true], ["TYO", false]] as const) {
      const [center] = await db.select().from(centers).where(eq(centers.code, code));
      const zoneNames = (await db.select({ name: zones.name }).from(zones).where(eq(zones.centerId, center.id))).map((z) => z.name);
      const staffNames = (await db.select({ name: users.name }).from(users).where(eq(users.centerId, center.id))).map((u) => u.name);
      const clientNames = (await db.select({ name: apiClients.name }).from(apiClients)).map((c) => c.name).filter((n) => n.includes(code));
      const orders = await db.select({ seller: inboundOrders.seller, buyer: inboundOrders.buyer }).from(inboundOrders).where(eq(inboundOrders.centerId, center.id));
      const sales = await db.select({ buyer: items.saleBuyer }).from(items).where(and(eq(items.centerId, center.id), isNotNull(items.saleBuyer)));
      const people = [...orders.flatMap((o) => [o.seller, ...(o.buyer ? [o.buyer] : [])]), ...sales.map((s) => s.buyer!)];
      expect(people.length, code).toBeGreaterThan(0);
      expect(zoneNames.length, code).toBe(4); // A, B, C and quarantine
      const texts = [center.name, ...zoneNames, ...staffNames, ...clientNames, ...people.flatMap((p) => [p.name, p.address ?? ""])];
      for (const text of texts) expect(hangul.test(text), `${code}: ${text}`).toBe(korean);
      // The item record names an API client's steps "Marketplace (<its name>)": the name is the marketplace's own, not a description.
      for (const name of clientNames) expect(name, code).not.toMatch(/marketplace|마켓플레이스|[()]/i);
    }
  });
});

import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { apiClients, itemEvents, items, parcels, webhookRelayPositions } from "@/db/schema";
import { exceptionKinds, listExceptions } from "@/lib/desk/exceptions";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems, uniq } from "../helpers/fixtures";

describeEachDb("desk exceptions", (use) => {
  it("lists each open exception under its kind with the screen that resolves it, and only the center's own", async () => {
    const db = use();
    const center = await createCenter(db);
    const other = await createCenter(db);
    const now = new Date();
    const ago = (h: number) => new Date(now.getTime() - h * 3600_000);
    const tracking = uniq("STRAY").toUpperCase();
    await db.insert(parcels).values({ centerId: center.id, trackingNumber: tracking, status: "unmatched", note: "no label" });
    await db.insert(parcels).values({ centerId: other.id, trackingNumber: uniq("STRAY"), status: "unmatched" });
    await db.insert(parcels).values({ centerId: center.id, trackingNumber: uniq("DONE"), status: "resolved" });
    const [late] = await createOrderWithItems(db, center.id, ["received"]);
    await db.update(items).set({ receivedAt: ago(30) }).where(eq(items.id, late.id));
    const [onTime] = await createOrderWithItems(db, center.id, ["received"]);
    await db.update(items).set({ receivedAt: ago(1) }).where(eq(items.id, onTime.id));
    const [held] = await createOrderWithItems(db, center.id, ["held"]);
    await db.insert(itemEvents).values({ itemId: held.id, centerId: center.id, action: "hold", fromState: "in_inspection", toState: "held", createdAt: ago(80) });
    await db.update(items).set({ queueEnteredAt: ago(80) }).where(eq(items.id, held.id)); // as applyTransition stamps the hold
    const [client] = await db
      .insert(apiClients)
      .values({ name: "Marketplace", tokenHash: uniq("h"), tokenPrefix: "lgt_x", centerIds: [center.id], webhookUrl: "https://example.test/hook" })
      .returning();
    await db.insert(webhookRelayPositions).values({ apiClientId: client.id, attempts: 4, lastError: "HTTP 503" });

    const groups = await listExceptions(db, center.id, now);
    expect(groups.map((g) => g.kind)).toEqual(exceptionKinds);
    const of = (kind: string) => groups.find((g) => g.kind === kind)!.entries;
    expect(of("unmatchedParcels")).toEqual([expect.objectContaining({ subject: tracking, resolveHref: "/receive/unmatched", detail: { note: "no label", units: 0 } })]);
    expect(of("overdueItems")).toEqual([
      expect.objectContaining({ subject: late.code, resolveHref: `/items/${late.code}`, detail: { queue: "receivedToVerdict", hours: 30, limit: 24 } }),
    ]);
    expect(of("heldForBuyer")).toEqual([expect.objectContaining({ subject: held.code, detail: { hours: 80, limit: 72, late: 1 } })]);
    expect(of("failedWebhooks")).toEqual([
      expect.objectContaining({ subject: "Marketplace", resolveHref: "/admin/api-clients", detail: { attempts: 4, error: "HTTP 503" } }),
    ]);
    expect(of("shortPicks")).toEqual([]);
    expect(of("countDifferences")).toEqual([]);
    // Nothing here is longer than a page: each kind's total is its list.
    for (const g of groups) expect(g.total, g.kind).toBe(g.entries.length);

    await db.update(parcels).set({ status: "resolved" }).where(eq(parcels.trackingNumber, tracking));
    expect((await listExceptions(db, center.id, now)).find((g) => g.kind === "unmatchedParcels")!.entries).toEqual([]);
    expect((await listExceptions(db, other.id, now)).find((g) => g.kind === "failedWebhooks")!.entries).toEqual([]);
  });

  it("lists a page of each kind and counts every open one: parcels past the hundred, overdue items past a queue's ten oldest", async () => {
    const db = use();
    const center = await createCenter(db);
    const now = new Date();
    await db.insert(parcels).values(Array.from({ length: 103 }, (_, i) => ({ centerId: center.id, trackingNumber: uniq(`STRAY${i}-`), status: "unmatched" as const, createdAt: new Date(now.getTime() - (200 - i) * 60_000) })));
    const late = await createOrderWithItems(db, center.id, Array.from({ length: 12 }, () => "received" as const));
    for (const [i, item] of late.entries()) await db.update(items).set({ receivedAt: new Date(now.getTime() - (30 + i) * 3600_000) }).where(eq(items.id, item.id));
    const groups = await listExceptions(db, center.id, now);
    const group = (kind: string) => groups.find((g) => g.kind === kind)!;
    expect(group("unmatchedParcels").total).toBe(103);
    expect(group("unmatchedParcels").entries).toHaveLength(100);
    // The oldest first: the three newest parcels are the ones left off.
    expect(group("unmatchedParcels").entries.at(-1)!.since).toBe(new Date(now.getTime() - 101 * 60_000).toISOString());
    expect(group("overdueItems").total).toBe(12);
    expect(group("overdueItems").entries.map((e) => e.detail.hours)).toEqual([41, 40, 39, 38, 37, 36, 35, 34, 33, 32]);
  });
}, {
  // Holds and receipts are placed in time by writing item_events rows directly (fixtures), so the
  // rules between items and their events cannot hold.
  invariants: false,
});

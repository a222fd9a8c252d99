import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { bins, carrierRanges, items, manifests, shipments, zones } from "../schema";
import { applyTransition } from "@/lib/items/apply-transition";

/**
 * Dispatch demo: a quarantine zone (Q) with two bins, a CJ tracking-number range, and the seeded
 * packed and dispatched items' shipments given carrier, tracking number and (dispatched) a closed
 * manifest, as packing and handover would have left them.
 */
export async function seedDispatch(
  db: Db,
  { centerId, operatorId, centerCode, quarantineZoneName }: { centerId: string; operatorId: string; centerCode: string; quarantineZoneName: string },
): Promise<void> {
  const [q] = await db.insert(zones).values({ centerId, code: "Q", name: quarantineZoneName }).returning();
  await db.insert(bins).values(
    [1, 2].map((level) => ({ centerId, zoneId: q.id, code: `BIN-Q-01-01-${level}`, sizeClass: "Q" as const, capacity: 20, pickSequence: 1000 + level })),
  );
  const prefix = centerCode === "SEL" ? "6890" : "6891";
  let next = 1;
  const tracking = () => `${prefix}${String(next++).padStart(8, "0")}`;
  const rows = await db
    .select({ shipment: shipments, state: items.state })
    .from(shipments)
    .innerJoin(items, eq(items.id, shipments.itemId))
    .where(and(eq(shipments.centerId, centerId), inArray(items.state, ["packed", "dispatched"])))
    .orderBy(asc(items.code));
  const dispatched = rows.filter((r) => r.state === "dispatched");
  const [manifest] = dispatched.length
    ? await db.insert(manifests).values({ centerId, carrier: "CJ", status: "closed", createdBy: operatorId, closedBy: operatorId, closedAt: new Date() }).returning()
    : [];
  for (const { shipment, state } of rows) {
    const done = state === "dispatched";
    await db
      .update(shipments)
      .set({
        status: done ? "dispatched" : "packed",
        carrier: "CJ",
        trackingNumber: tracking(),
        packedBy: operatorId,
        packedAt: new Date(),
        manifestId: done ? manifest?.id : null,
        dispatchedAt: done ? new Date() : null,
      })
      .where(eq(shipments.id, shipment.id));
  }
  await db.insert(carrierRanges).values({ centerId, carrier: "CJ", prefix, nextNumber: next, lastNumber: 99_999_999, digits: 8 });
  // One failed item already on its way back, so packing shows a return slip with its result sheet.
  const [failed] = await db.select().from(items).where(and(eq(items.centerId, centerId), eq(items.state, "failed"))).orderBy(asc(items.code)).limit(1);
  if (failed) {
    await db.transaction((tx) =>
      applyTransition(tx, { itemId: failed.id, action: "route_return", actor: { userId: operatorId, station: "SEED" }, set: { destination: "seller" }, details: { destination: "seller", verdict: "fail_defect", seeded: true } }),
    );
  }
}

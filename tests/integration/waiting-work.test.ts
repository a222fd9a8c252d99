import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { cycleCounts, items, shipments } from "@/db/schema";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { countWaitingWork } from "@/lib/stations/waiting-work";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems } from "../helpers/fixtures";
import { addJpeg, claimedItem, ctxOf, inspectionCenter, scan, tempPhotoStore } from "./inspection-fixtures";
import { makeZone } from "./storage-fixtures";

describeEachDb("the header's counts of waiting work", (use) => {
  it("counts each station's work in its own center only", async () => {
    const db = use();
    const c = await inspectionCenter(db);
    const other = await inspectionCenter(db);
    expect(await countWaitingWork(db, c.center.id)).toEqual({ inspect: 0, review: 0, storageCount: 0, putaway: 0, pick: 0, pack: 0, handover: 0, quarantine: 0 });

    const [, goingBack] = await createOrderWithItems(db, c.center.id, ["received", "received", "awaiting_putaway", "awaiting_pick", "awaiting_pack", "awaiting_pack", "packed", "quarantined", "stored"]);
    // A unit going back to the seller unopened is not inspection work.
    await db.update(items).set({ returnToSeller: true }).where(eq(items.id, goingBack.id));
    // A high-price pass waits for a second inspector.
    const store = await tempPhotoStore();
    const { inspectionId } = await claimedItem(db, ctxOf(c.inspector), { price: 5_000_000 });
    await addJpeg(db, store, ctxOf(c.inspector), inspectionId);
    expect(await submitVerdict(db, ctxOf(c.inspector), { scanId: scan(), inspectionId, verdict: "pass", reasonCodes: [] })).toMatchObject({ status: "awaiting_review" });
    const [bin] = await makeZone(db, ctxOf(c.manager), { count: 1 });
    await db.insert(cycleCounts).values({ centerId: c.center.id, binId: bin.id, reason: "planned", plannedBy: c.manager.id });
    await createOrderWithItems(db, other.center.id, ["received", "awaiting_pick", "packed"]);

    expect(await countWaitingWork(db, c.center.id)).toEqual({ inspect: 1, review: 1, storageCount: 1, putaway: 1, pick: 1, pack: 2, handover: 1, quarantine: 1 });
  });

  it("leaves out of packing the returns that wait for their seller's address, and only those", async () => {
    const db = use();
    const c = await inspectionCenter(db);
    const [noAddress, noAddressToPick, unknownSender, withAddress, blankAddress] = await createOrderWithItems(db, c.center.id, ["awaiting_pack", "awaiting_pick", "awaiting_pack", "awaiting_pack", "awaiting_pack"]);
    const returnOf = (item: { id: string }, recipient: { id: string; name: string; address?: string }) =>
      db.insert(shipments).values({ centerId: c.center.id, itemId: item.id, destination: "seller", recipient, reason: "withdrawn", shipBy: new Date() });
    await returnOf(noAddress, { id: "seller-1", name: "No address" });
    await returnOf(noAddressToPick, { id: "seller-1", name: "No address" });
    await returnOf(unknownSender, { id: "unknown", name: "Unknown sender of parcel X" });
    await returnOf(withAddress, { id: "seller-2", name: "Has address", address: "1 Sejong-daero, Seoul" });
    await returnOf(blankAddress, { id: "seller-3", name: "Blank address", address: "  " });
    // Packing: only the one with an address (an unknown sender without one waits for it like any seller).
    expect(await countWaitingWork(db, c.center.id)).toMatchObject({ pick: 1, pack: 1 });
  });
});

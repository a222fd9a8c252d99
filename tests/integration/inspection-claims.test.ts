import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { inspections, items } from "@/db/schema";
import { getActiveChecklist } from "@/lib/inspection/checklists";
import { claimItem, listOpenClaims, releaseClaim, releaseExpiredClaims } from "@/lib/inspection/claims";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { createCenter, createOrderWithItems, createUser } from "../helpers/fixtures";
import { claimedItem, ctxOf, inspectionCenter, scan, snapshot } from "./inspection-fixtures";

describeEachDb("inspection claims", (use) => {
  const c = worldBeforeAll(use, inspectionCenter);

  it("claims a received item: in_inspection, an open inspection with the category's checklist, audit and outbox", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, c.center.id, ["received"], { category: "bags" });
    const result = await claimItem(db, ctxOf(c.inspector), { scanId: scan(), itemCode: item.code!.toLowerCase() });
    expect(result).toMatchObject({ itemId: item.id, itemCode: item.code, reopened: false, repeated: false, tookOverFrom: null });
    const after = await snapshot(db, item.id);
    expect(after.item.state).toBe("in_inspection");
    const checklist = await getActiveChecklist(db, c.center.id, "bags");
    expect(after.inspections).toMatchObject([
      { id: result.inspectionId, status: "open", inspectorId: c.inspector.id, checklistId: checklist!.id, verdict: null },
    ]);
    expect(after.events).toMatchObject([{ action: "claim", fromState: "received", toState: "in_inspection", actorUserId: c.inspector.id, station: "TAB-01" }]);
    expect(after.outbox).toMatchObject([{ type: "item.claim" }]);
  });

  it("claims by item id too; a category without checklist gets none", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, c.center.id, ["received"], { category: "toys" });
    const result = await claimItem(db, ctxOf(c.inspector), { scanId: scan(), itemId: item.id });
    const [row] = await db.select().from(inspections).where(eq(inspections.id, result.inspectionId));
    expect(row.checklistId).toBeNull();
  });

  it("re-scanning one's own claimed item reopens it; a repeated scan id answers the first result", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const [item] = await createOrderWithItems(db, c.center.id, ["received"]);
    const scanId = scan();
    const first = await claimItem(db, ctx, { scanId, itemCode: item.code! });
    const repeat = await claimItem(db, ctx, { scanId, itemCode: item.code! });
    expect(repeat).toEqual({ ...first, repeated: true });
    const reopened = await claimItem(db, ctx, { scanId: scan(), itemCode: item.code! });
    expect(reopened).toMatchObject({ inspectionId: first.inspectionId, reopened: true, repeated: false });
    const after = await snapshot(db, item.id);
    expect(after.events).toHaveLength(1);
    expect(after.inspections).toHaveLength(1);
  });

  it("two inspectors claiming the same item at once: exactly one wins, the other is told who has it", async () => {
    const db = use();
    for (let round = 0; round < 3; round++) {
      const [item] = await createOrderWithItems(db, c.center.id, ["received"]);
      const contenders = [c.inspector, c.inspector2, c.senior, c.senior2];
      const results = await Promise.allSettled(contenders.map((u) => claimItem(db, ctxOf(u), { scanId: scan(), itemCode: item.code! })));
      const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [contenders[i]] : []));
      expect(won).toHaveLength(1);
      for (const r of results) {
        if (r.status === "rejected") {
          expect(r.reason).toMatchObject({ code: "conflict:claimed" });
          expect(r.reason.message).toContain(won[0].name);
        }
      }
      const after = await snapshot(db, item.id);
      expect(after.inspections).toHaveLength(1);
      expect(after.inspections[0].inspectorId).toBe(won[0].id);
      expect(after.events.filter((e) => e.action === "claim")).toHaveLength(1);
    }
  });

  it("refuses operators, other centers' items, items going back unseen and items already inspected", async () => {
    const db = use();
    const [item] = await createOrderWithItems(db, c.center.id, ["received"]);
    await expect(claimItem(db, ctxOf(c.operator), { scanId: scan(), itemId: item.id })).rejects.toMatchObject({ code: "forbidden:role" });
    const other = await createCenter(db);
    const stranger = await createUser(db, other.id, "inspector");
    await expect(claimItem(db, ctxOf(stranger), { scanId: scan(), itemCode: item.code! })).rejects.toMatchObject({ code: "not_found:item" });
    const [unexpected] = await createOrderWithItems(db, c.center.id, ["received"]);
    await db.update(items).set({ returnToSeller: true }).where(eq(items.id, unexpected.id));
    await expect(claimItem(db, ctxOf(c.inspector), { scanId: scan(), itemId: unexpected.id })).rejects.toMatchObject({
      code: "conflict:return_to_seller",
    });
    const [packed] = await createOrderWithItems(db, c.center.id, ["awaiting_pack"]);
    await expect(claimItem(db, ctxOf(c.inspector), { scanId: scan(), itemId: packed.id })).rejects.toMatchObject({ code: "conflict:item_state" });
    expect((await snapshot(db, item.id)).item.state).toBe("received");
  });

  it("times out: claims older than the center's timeout are released, younger ones kept", async () => {
    const db = use();
    const t0 = new Date();
    const old = await claimedItem(db, ctxOf(c.inspector), {}, new Date(t0.getTime() - 31 * 60_000));
    const young = await claimedItem(db, ctxOf(c.inspector2), {}, new Date(t0.getTime() - 29 * 60_000));
    const released = await releaseExpiredClaims(db, c.center.id, t0);
    expect(released.map((r) => r.itemId)).toContain(old.item.id);
    expect(released.map((r) => r.itemId)).not.toContain(young.item.id);
    const gone = await snapshot(db, old.item.id);
    expect(gone.item.state).toBe("received");
    expect(gone.inspections[0].status).toBe("released");
    expect(gone.events.at(-1)).toMatchObject({ action: "release_claim", toState: "received", details: { reason: "claim_timeout" } });
    expect((await snapshot(db, young.item.id)).item.state).toBe("in_inspection");
    // Running again finds nothing more to do.
    expect((await releaseExpiredClaims(db, c.center.id, t0)).map((r) => r.itemId)).not.toContain(old.item.id);
    // The inspector whose claim lapsed is told so, and the item can be claimed afresh.
    await expect(
      submitVerdict(db, ctxOf(c.inspector), { scanId: scan(), inspectionId: old.inspectionId, verdict: "pass" }),
    ).rejects.toMatchObject({ code: "conflict:claim_released" });
    const again = await claimItem(db, ctxOf(c.inspector2), { scanId: scan(), itemId: old.item.id });
    expect(again.inspectionId).not.toBe(old.inspectionId);
  });

  it("lets another inspector take over an expired claim when scanning the item", async () => {
    const db = use();
    const { item, inspectionId } = await claimedItem(db, ctxOf(c.inspector), {}, new Date(Date.now() - 40 * 60_000));
    const taken = await claimItem(db, ctxOf(c.inspector2), { scanId: scan(), itemId: item.id });
    expect(taken.tookOverFrom).toEqual({ userId: c.inspector.id, name: c.inspector.name });
    const after = await snapshot(db, item.id);
    expect(after.inspections.map((i) => [i.id === inspectionId, i.status])).toEqual([
      [true, "released"],
      [false, "open"],
    ]);
    expect(after.events.map((e) => e.action)).toEqual(["claim", "release_claim", "claim"]);
    expect(after.item.state).toBe("in_inspection");
  });

  it("a manager releases anyone's claim, an inspector only their own", async () => {
    const db = use();
    const { item, inspectionId } = await claimedItem(db, ctxOf(c.inspector));
    expect((await listOpenClaims(db, c.center.id)).find((o) => o.itemId === item.id)).toMatchObject({ inspectionId, inspectorName: c.inspector.name });
    await expect(releaseClaim(db, ctxOf(c.inspector2), { itemId: item.id })).rejects.toMatchObject({ code: "forbidden:role" });
    expect((await snapshot(db, item.id)).item.state).toBe("in_inspection");
    await expect(releaseClaim(db, ctxOf(c.manager), { itemId: item.id })).resolves.toMatchObject({ inspectionId });
    const after = await snapshot(db, item.id);
    expect(after.item.state).toBe("received");
    expect(after.events.at(-1)).toMatchObject({ action: "release_claim", actorUserId: c.manager.id, details: { reason: "released_by_manager" } });
    await expect(releaseClaim(db, ctxOf(c.manager), { itemId: item.id })).rejects.toMatchObject({ code: "conflict:not_claimed" });
    expect((await listOpenClaims(db, c.center.id)).map((o) => o.itemId)).not.toContain(item.id);
    const own = await claimedItem(db, ctxOf(c.inspector2));
    await expect(releaseClaim(db, ctxOf(c.inspector2), { itemId: own.item.id })).resolves.toMatchObject({ itemId: own.item.id });
  });
});

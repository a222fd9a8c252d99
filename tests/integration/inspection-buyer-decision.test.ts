import { beforeAll, expect, it } from "vitest";
import { applyBuyerDecision } from "@/lib/inspection/buyer-decision";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { describeEachDb } from "../helpers/databases";
import { createCenter, createOrderWithItems } from "../helpers/fixtures";
import { addJpeg, claimedItem, ctxOf, inspectionCenter, scan, snapshot, tempPhotoStore } from "./inspection-fixtures";

describeEachDb("buyer decision on a disclosed defect", (use) => {
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let store: Awaited<ReturnType<typeof tempPhotoStore>>;
  const api = { apiClientId: "8f0e3b1c-3c1a-4c55-9a57-2f4a3c1d9e01" };
  beforeAll(async () => {
    c = await inspectionCenter(use());
    store = await tempPhotoStore();
  });

  async function minorDefectItem(price = 150_000) {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx, { type: "trade", price });
    await addJpeg(db, store, ctx, inspectionId);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass_minor_defect", reasonCodes: ["MINOR_MARK"], note: "dot on toe" });
    return { item, inspectionId };
  }

  it("accept: the item goes to packing for the buyer with its defect note; the same answer again changes nothing", async () => {
    const db = use();
    const { item, inspectionId } = await minorDefectItem();
    const result = await applyBuyerDecision(db, api, { itemId: item.id, centerId: c.center.id, decision: "accept" });
    expect(result).toMatchObject({ decision: "accept", state: "awaiting_pack", destination: "buyer", repeated: false });
    const after = await snapshot(db, item.id);
    expect(after.item.defectNote).toBe("Tiny mark or scuff / 미세한 자국·스크래치 — dot on toe");
    expect(after.events.slice(-2)).toMatchObject([
      { action: "pass", actorApiClientId: api.apiClientId, details: { buyerDecision: "accept", inspectionId } },
      { action: "route_trade", toState: "awaiting_pack" },
    ]);
    expect(after.outbox.at(-1)?.payload).toMatchObject({ buyerDecision: "accept", verdict: "pass_minor_defect", defectNote: after.item.defectNote });
    await expect(applyBuyerDecision(db, api, { itemId: item.id, centerId: c.center.id, decision: "accept" })).resolves.toMatchObject({
      repeated: true,
      state: "awaiting_pack",
    });
    await expect(applyBuyerDecision(db, api, { itemId: item.id, centerId: c.center.id, decision: "refuse" })).rejects.toMatchObject({
      code: "conflict:buyer_decided",
    });
    expect(await snapshot(db, item.id)).toEqual(after);
  });

  it("refuse: the item goes back to the seller with no penalty", async () => {
    const db = use();
    const { item } = await minorDefectItem();
    const result = await applyBuyerDecision(db, api, { itemId: item.id, centerId: c.center.id, decision: "refuse" });
    expect(result).toMatchObject({ state: "awaiting_pack", destination: "seller" });
    const after = await snapshot(db, item.id);
    expect(after.outbox.slice(-2).map((e) => e.type)).toEqual(["item.fail", "item.route_return"]);
    expect(after.outbox.at(-2)?.payload).toMatchObject({ buyerDecision: "refuse", penaltyRate: 0 });
  });

  it("two decisions racing: exactly one is applied", async () => {
    const db = use();
    const { item } = await minorDefectItem();
    const results = await Promise.allSettled([
      applyBuyerDecision(db, api, { itemId: item.id, centerId: c.center.id, decision: "accept" }),
      applyBuyerDecision(db, api, { itemId: item.id, centerId: c.center.id, decision: "refuse" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const after = await snapshot(db, item.id);
    expect(after.events.filter((e) => e.action === "route_trade" || e.action === "route_return")).toHaveLength(1);
  });

  it("is refused for items not waiting for a buyer: under review, not held, or of another center", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { item: pricey, inspectionId } = await claimedItem(db, ctx, { type: "trade", price: 3_000_000 });
    await addJpeg(db, store, ctx, inspectionId);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass_minor_defect", reasonCodes: ["BOX_DAMAGE"] });
    const before = await snapshot(db, pricey.id);
    expect(before.item.state).toBe("held");
    await expect(applyBuyerDecision(db, api, { itemId: pricey.id, centerId: c.center.id, decision: "accept" })).rejects.toMatchObject({
      code: "conflict:not_awaiting_buyer",
      message: expect.stringContaining("second inspector"),
    });
    expect(await snapshot(db, pricey.id)).toEqual(before);

    const [received] = await createOrderWithItems(db, c.center.id, ["received"]);
    await expect(applyBuyerDecision(db, api, { itemId: received.id, centerId: c.center.id, decision: "accept" })).rejects.toMatchObject({
      code: "conflict:not_awaiting_buyer",
    });
    const { item } = await minorDefectItem();
    const other = await createCenter(db);
    await expect(applyBuyerDecision(db, api, { itemId: item.id, centerId: other.id, decision: "accept" })).rejects.toMatchObject({
      code: "not_found:item",
    });
    await expect(applyBuyerDecision(db, api, { itemId: "nope", centerId: c.center.id, decision: "accept" })).rejects.toMatchObject({
      code: "not_found:item",
    });
    await expect(
      applyBuyerDecision(db, api, { itemId: item.id, centerId: c.center.id, decision: "maybe" as "accept" }),
    ).rejects.toMatchObject({ code: "validation" });
  });
});

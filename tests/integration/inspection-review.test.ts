import { beforeAll, expect, it } from "vitest";
import { reviewVerdict, listReviewQueue } from "@/lib/inspection/review";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { describeEachDb } from "../helpers/databases";
import { addJpeg, claimedItem, ctxOf, inspectionCenter, scan, snapshot, tempPhotoStore } from "./inspection-fixtures";

const HIGH = 2_500_000; // above the fixture center's four-eyes price of 1,000,000

describeEachDb("inspection four-eyes review", (use) => {
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let store: Awaited<ReturnType<typeof tempPhotoStore>>;
  beforeAll(async () => {
    c = await inspectionCenter(use());
    store = await tempPhotoStore();
  });

  /** A verdict by `who` on a fresh claimed item, with a photo. */
  async function verdictBy(who: typeof c.inspector, opts: { price?: number; type?: "trade" | "storage" }, verdict: Parameters<typeof submitVerdict>[2]["verdict"], reasonCodes: string[] = []) {
    const db = use();
    const ctx = ctxOf(who);
    const { item, inspectionId } = await claimedItem(db, ctx, opts);
    await addJpeg(db, store, ctx, inspectionId);
    const result = await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict, reasonCodes });
    return { item, inspectionId, result };
  }

  it("holds a high-price verdict for review; another inspector confirms and the item moves on", async () => {
    const db = use();
    const { item, inspectionId, result } = await verdictBy(c.inspector, { price: HIGH }, "pass");
    expect(result).toMatchObject({ needsReview: true, reviewReason: "price", status: "awaiting_review", itemState: "held" });
    const held = await snapshot(db, item.id);
    expect(held.outbox.at(-1)).toMatchObject({ type: "item.hold", payload: { verdict: "pass", awaitingReview: true, reviewReason: "price" } });
    const queue = await listReviewQueue(db, c.center.id);
    expect(queue.find((q) => q.inspectionId === inspectionId)).toMatchObject({
      itemId: item.id,
      verdict: "pass",
      reviewReason: "price",
      seniorRequired: false,
      inspectorName: c.inspector.name,
    });

    // The same person cannot confirm their own verdict, even by a second scan.
    await expect(reviewVerdict(db, ctxOf(c.inspector), { scanId: scan(), inspectionId, decision: "confirm" })).rejects.toMatchObject({
      code: "forbidden:same_person",
    });
    expect(await snapshot(db, item.id)).toEqual(held);

    const reviewed = await reviewVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId, decision: "confirm", note: "agree" });
    expect(reviewed).toMatchObject({ decision: "confirm", verdict: "pass", originalVerdict: "pass", itemState: "awaiting_pack" });
    const after = await snapshot(db, item.id);
    expect(after.item).toMatchObject({ state: "awaiting_pack", destination: "buyer" });
    expect(after.inspections[0]).toMatchObject({ status: "done", reviewerId: c.inspector2.id, reviewVerdict: "pass", reviewNote: "agree" });
    expect(after.events.slice(-3).map((e) => e.action)).toEqual(["review", "pass", "route_trade"]);
    expect(after.outbox.slice(-3).map((e) => e.type)).toEqual(["item.reviewed", "item.pass", "item.route_trade"]);
    expect(after.outbox.at(-1)?.payload).toMatchObject({ review: "confirm", reviewerId: c.inspector2.id, inspectorId: c.inspector.id });
    expect((await listReviewQueue(db, c.center.id)).map((q) => q.inspectionId)).not.toContain(inspectionId);
  });

  it("always sends a counterfeit to a senior inspector, who confirms it into quarantine with its penalty rate", async () => {
    const db = use();
    const { item, inspectionId, result } = await verdictBy(c.inspector, { price: 90_000 }, "fail_counterfeit", ["FAKE_LOGO"]);
    expect(result).toMatchObject({ needsReview: true, reviewReason: "counterfeit", itemState: "held" });
    expect((await listReviewQueue(db, c.center.id)).find((q) => q.inspectionId === inspectionId)).toMatchObject({ seniorRequired: true });
    const held = await snapshot(db, item.id);
    await expect(reviewVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId, decision: "confirm" })).rejects.toMatchObject({
      code: "forbidden:senior_required",
    });
    expect(await snapshot(db, item.id)).toEqual(held);
    const reviewed = await reviewVerdict(db, ctxOf(c.senior), { scanId: scan(), inspectionId, decision: "confirm" });
    expect(reviewed).toMatchObject({ verdict: "fail_counterfeit", itemState: "quarantined", penaltyRate: 0.15 });
    const after = await snapshot(db, item.id);
    expect(after.item.state).toBe("quarantined");
    expect(after.outbox.at(-1)).toMatchObject({
      type: "item.quarantine",
      payload: { verdict: "fail_counterfeit", reasonCodes: ["FAKE_LOGO"], penaltyRate: 0.15, review: "confirm" },
    });
  });

  it("a senior inspector's own counterfeit verdict needs another senior", async () => {
    const db = use();
    const { inspectionId } = await verdictBy(c.senior, {}, "fail_counterfeit", ["FAKE_STITCHING"]);
    await expect(reviewVerdict(db, ctxOf(c.senior), { scanId: scan(), inspectionId, decision: "confirm" })).rejects.toMatchObject({
      code: "forbidden:same_person",
    });
    await expect(reviewVerdict(db, ctxOf(c.senior2), { scanId: scan(), inspectionId, decision: "confirm" })).resolves.toMatchObject({
      itemState: "quarantined",
    });
  });

  it("overturns: the reviewer's verdict takes its own path and needs its own evidence", async () => {
    const db = use();
    const { item, inspectionId } = await verdictBy(c.inspector, { price: HIGH, type: "storage" }, "fail_used", ["USED_CREASE"]);
    const held = await snapshot(db, item.id);
    await expect(
      reviewVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId, decision: "overturn", verdict: "fail_defect", note: "seen again" }),
    ).rejects.toMatchObject({ code: "validation:reason_required" });
    await expect(reviewVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId, decision: "overturn" })).rejects.toMatchObject({
      code: "validation",
    });
    // Only a senior may turn it into a counterfeit.
    await expect(
      reviewVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId, decision: "overturn", verdict: "fail_counterfeit", reasonCodes: ["FAKE_UV"], note: "seen again" }),
    ).rejects.toMatchObject({ code: "forbidden:senior_required" });
    expect(await snapshot(db, item.id)).toEqual(held);

    const reviewed = await reviewVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId, decision: "overturn", verdict: "pass", note: "creases are factory" });
    expect(reviewed).toMatchObject({ decision: "overturn", originalVerdict: "fail_used", verdict: "pass", itemState: "awaiting_putaway", penaltyRate: null });
    const after = await snapshot(db, item.id);
    expect(after.inspections[0]).toMatchObject({ verdict: "fail_used", reviewVerdict: "pass", status: "done" });
    expect(after.outbox.at(-1)?.payload).toMatchObject({ verdict: "pass", originalVerdict: "fail_used", review: "overturn" });
    expect(after.outbox.at(-1)?.payload).not.toHaveProperty("penaltyRate");
  });

  it("overturns a counterfeit suspicion to a pass with a minor defect: the trade item waits for the buyer with its note", async () => {
    const db = use();
    const { item, inspectionId } = await verdictBy(c.inspector, {}, "fail_counterfeit", ["FAKE_BOX"]);
    const reviewed = await reviewVerdict(db, ctxOf(c.senior), {
      scanId: scan(),
      inspectionId,
      decision: "overturn",
      verdict: "pass_minor_defect",
      reasonCodes: ["BOX_DAMAGE"],
      note: "box genuine but crushed",
    });
    expect(reviewed).toMatchObject({ itemState: "held", awaitingBuyerDecision: true, defectNote: "Box damaged / 박스 손상 — box genuine but crushed" });
    const after = await snapshot(db, item.id);
    expect(after.item).toMatchObject({ state: "held", defectNote: "Box damaged / 박스 손상 — box genuine but crushed" });
    expect(after.outbox.at(-1)).toMatchObject({ type: "item.reviewed", payload: { verdict: "pass_minor_defect", awaitingBuyerDecision: true } });
  });

  it("a review posted twice: same scan id gets the first answer; another reviewer is told it is done", async () => {
    const db = use();
    const { item, inspectionId } = await verdictBy(c.inspector, { price: HIGH }, "fail_wrong_item", ["WRONG_COLOUR"]);
    const scanId = scan();
    const first = await reviewVerdict(db, ctxOf(c.inspector2), { scanId, inspectionId, decision: "confirm" });
    expect(first).toMatchObject({ itemState: "awaiting_pack", penaltyRate: 0.1 });
    const afterFirst = await snapshot(db, item.id);
    expect(await reviewVerdict(db, ctxOf(c.inspector2), { scanId, inspectionId, decision: "confirm" })).toEqual({ ...first, repeated: true });
    await expect(reviewVerdict(db, ctxOf(c.senior), { scanId: scan(), inspectionId, decision: "overturn", verdict: "pass", note: "seen again" })).rejects.toMatchObject({
      code: "conflict:already_reviewed",
      message: expect.stringContaining(c.inspector2.name),
    });
    expect(await snapshot(db, item.id)).toEqual(afterFirst);
  });

  it("two reviewers at once: exactly one review counts", async () => {
    const db = use();
    const { item, inspectionId } = await verdictBy(c.inspector, { price: HIGH }, "pass");
    const results = await Promise.allSettled([
      reviewVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId, decision: "confirm" }),
      reviewVerdict(db, ctxOf(c.senior), { scanId: scan(), inspectionId, decision: "overturn", verdict: "fail_defect", reasonCodes: ["DEFECT_TEAR"], note: "seen again" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict:already_reviewed" });
    const confirmWon = results[0].status === "fulfilled";
    const after = await snapshot(db, item.id);
    expect(after.events.filter((e) => e.action === "review")).toHaveLength(1);
    expect(after.item).toMatchObject({ state: "awaiting_pack", destination: confirmWon ? "buyer" : "seller" });
  });

  it("refuses to review an inspection that is not waiting for one", async () => {
    const db = use();
    const { inspectionId } = await claimedItem(db, ctxOf(c.inspector));
    await expect(reviewVerdict(db, ctxOf(c.senior), { scanId: scan(), inspectionId, decision: "confirm" })).rejects.toMatchObject({
      code: "conflict:not_awaiting_review",
    });
  });
});

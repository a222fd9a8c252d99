import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { itemEvents } from "@/db/schema";
import { saveChecklistResults } from "@/lib/inspection/checklist-results";
import { getActiveChecklist, saveChecklist } from "@/lib/inspection/checklists";
import { claimItem } from "@/lib/inspection/claims";
import { readInspectionQueue } from "@/lib/inspection/read-inspection-queue";
import { reviewVerdict } from "@/lib/inspection/review";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems } from "../helpers/fixtures";
import { ensureProduct } from "../helpers/receiving-fixtures";
import { addJpeg, answerChecklist, claimedItem, ctxOf, inspectionCenter, scan, snapshot, tempPhotoStore } from "./inspection-fixtures";

const HIGH = 2_500_000; // at or above the fixture center's four-eyes price of 1,000,000

describeEachDb("inspection rules the floor needs", (use) => {
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let store: Awaited<ReturnType<typeof tempPhotoStore>>;
  beforeAll(async () => {
    c = await inspectionCenter(use());
    store = await tempPhotoStore();
  });

  it("a verdict needs every required checklist point answered; optional points may stay open", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const v1 = (await getActiveChecklist(db, c.center.id, "apparel"))!;
    // A manager makes the last point optional.
    const points = v1.points.map((p, i) => ({ ...p, required: i !== v1.points.length - 1 }));
    const v2 = await saveChecklist(db, ctxOf(c.manager), { category: "apparel", points, highValueMinPhotos: 1 });
    expect(v2.points.at(-1)).toMatchObject({ required: false });
    expect(v2.points[0]).toMatchObject({ required: true });

    const { item, inspectionId } = await claimedItem(db, ctx, { category: "apparel", answered: false });
    for (const verdict of ["pass", "fail_counterfeit"] as const) {
      await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict, reasonCodes: verdict === "pass" ? [] : ["FAKE_UV"] })).rejects.toMatchObject({
        code: "validation:checklist_incomplete",
        details: { count: points.length - 1 },
      });
    }
    // All but one required point answered: still refused, and nothing changed.
    await saveChecklistResults(db, ctx, { inspectionId, results: points.slice(1, -1).map((p) => ({ key: p.key, ok: true })) });
    const before = await snapshot(db, item.id);
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" })).rejects.toMatchObject({
      code: "validation:checklist_incomplete",
      details: { count: 1 },
    });
    expect(await snapshot(db, item.id)).toEqual(before);
    // Every required point answered, the optional one open: accepted.
    await saveChecklistResults(db, ctx, { inspectionId, results: [{ key: points[0].key, ok: true }] });
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" })).resolves.toMatchObject({ itemState: "awaiting_pack" });
  });

  it("an item at or above the four-eyes price needs the category's minimum of photos, even on a pass", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    // Watches need 3 (default); a cheap watch needs none on a pass.
    expect((await getActiveChecklist(db, c.center.id, "watches"))?.highValueMinPhotos).toBe(3);
    const cheap = await claimedItem(db, ctx, { category: "watches", price: 300_000 });
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId: cheap.inspectionId, verdict: "pass" })).resolves.toMatchObject({ needsReview: false });

    const { item, inspectionId } = await claimedItem(db, ctx, { category: "watches", price: 14_120_000 });
    await addJpeg(db, store, ctx, inspectionId);
    await addJpeg(db, store, ctx, inspectionId);
    const before = await snapshot(db, item.id);
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" })).rejects.toMatchObject({
      code: "validation:photos_high_value",
      details: { min: 3, count: 2 },
    });
    expect(await snapshot(db, item.id)).toEqual(before);
    await addJpeg(db, store, ctx, inspectionId);
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" })).resolves.toMatchObject({ needsReview: true, itemState: "held" });

    // Managers set the minimum per category.
    const tech = (await getActiveChecklist(db, c.center.id, "tech"))!;
    await saveChecklist(db, ctxOf(c.manager), { category: "tech", points: tech.points, highValueMinPhotos: 2 });
    const phone = await claimedItem(db, ctx, { category: "tech", price: HIGH });
    await addJpeg(db, store, ctx, phone.inspectionId);
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId: phone.inspectionId, verdict: "pass" })).rejects.toMatchObject({
      code: "validation:photos_high_value",
      details: { min: 2, count: 1 },
    });
  });

  it("a fail names a reason; an overturn needs a note", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx, { price: HIGH });
    await answerChecklist(db, ctx, inspectionId, ["sole"]);
    await addJpeg(db, store, ctx, inspectionId);
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "fail_defect" })).rejects.toMatchObject({ code: "validation:reason_required" });
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "fail_counterfeit", reasonCodes: ["FAKE_UV"] });

    const held = await snapshot(db, item.id);
    await expect(reviewVerdict(db, ctxOf(c.senior), { scanId: scan(), inspectionId, decision: "overturn", verdict: "pass" })).rejects.toMatchObject({
      code: "validation:overturn_note",
    });
    await expect(reviewVerdict(db, ctxOf(c.senior), { scanId: scan(), inspectionId, decision: "overturn", verdict: "pass", note: "   " })).rejects.toMatchObject({
      code: "validation:overturn_note",
    });
    expect(await snapshot(db, item.id)).toEqual(held);
    const reviewed = await reviewVerdict(db, ctxOf(c.senior), { scanId: scan(), inspectionId, decision: "overturn", verdict: "pass", note: "UV marks are factory glue" });
    expect(reviewed).toMatchObject({ verdict: "pass", originalVerdict: "fail_counterfeit" });
    // A confirm needs no note.
    const other = await claimedItem(db, ctx, { price: HIGH });
    await addJpeg(db, store, ctx, other.inspectionId);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId: other.inspectionId, verdict: "pass" });
    await expect(reviewVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId: other.inspectionId, decision: "confirm" })).resolves.toMatchObject({ decision: "confirm" });
  });

  it("a live claim of someone else: refused to an inspector (with the offer for seniors), taken over by a senior or manager with a reason, audited", async () => {
    const db = use();
    const { item, inspectionId } = await claimedItem(db, ctxOf(c.inspector));
    const code = item.code!;
    await expect(claimItem(db, ctxOf(c.inspector2), { scanId: scan(), itemCode: code })).rejects.toMatchObject({
      code: "conflict:claimed",
      details: { canTakeOver: false },
    });
    await expect(claimItem(db, ctxOf(c.senior), { scanId: scan(), itemCode: code })).rejects.toMatchObject({
      code: "conflict:claimed",
      details: { canTakeOver: true },
    });
    await expect(claimItem(db, ctxOf(c.inspector2), { scanId: scan(), itemCode: code, takeOverReason: "I want it" })).rejects.toMatchObject({
      code: "forbidden:takeover",
    });
    await expect(claimItem(db, ctxOf(c.senior), { scanId: scan(), itemCode: code, takeOverReason: " " })).rejects.toMatchObject({ code: "validation" });

    const taken = await claimItem(db, ctxOf(c.senior, "TAB-09"), { scanId: scan(), itemId: item.id, takeOverReason: "Kim went home sick" });
    expect(taken).toMatchObject({ reopened: false, tookOverFrom: { userId: c.inspector.id } });
    expect(taken.inspectionId).not.toBe(inspectionId);
    const [release] = await db
      .select()
      .from(itemEvents)
      .where(and(eq(itemEvents.itemId, item.id), eq(itemEvents.action, "release_claim")));
    expect(release).toMatchObject({ actorUserId: c.senior.id, station: "TAB-09" });
    expect(release.details).toMatchObject({ reason: "taken_over", note: "Kim went home sick", inspectorId: c.inspector.id, inspectionId });
    // The first inspector can no longer record anything on the old claim.
    await expect(submitVerdict(db, ctxOf(c.inspector), { scanId: scan(), inspectionId, verdict: "pass" })).rejects.toMatchObject({ code: expect.stringMatching(/^(conflict|forbidden):/) });
    // A manager may take over too (from the senior).
    await expect(claimItem(db, ctxOf(c.manager), { scanId: scan(), itemCode: code, takeOverReason: "Senior needed at review" })).resolves.toMatchObject({
      tookOverFrom: { userId: c.senior.id },
    });
  });

  it("the queue path: a senior takes over a row of the queue's open claims by item id; the queue then shows the new holder, with the catalogue's names in both languages", async () => {
    const db = use();
    await ensureProduct(db);
    const { item } = await claimedItem(db, ctxOf(c.inspector), { answered: false });
    const before = await readInspectionQueue(db, c.center.id);
    const row = before.claims.find((r) => r.itemId === item.id)!;
    expect(row).toMatchObject({
      inspectorId: c.inspector.id,
      productName: "Nike Dunk Low Retro White Black",
      productNameKo: "나이키 덩크 로우 레트로 화이트 블랙",
      productNameEn: "Nike Dunk Low Retro White Black",
    });
    // The row's button sends the item id and the reason; a plain inspector is refused and nothing changes.
    await expect(claimItem(db, ctxOf(c.inspector2), { scanId: scan(), itemId: row.itemId, takeOverReason: "Mine now" })).rejects.toMatchObject({ code: "forbidden:takeover" });
    expect((await readInspectionQueue(db, c.center.id)).claims.find((r) => r.itemId === item.id)).toMatchObject({ inspectorId: c.inspector.id });
    const taken = await claimItem(db, ctxOf(c.senior2), { scanId: scan(), itemId: row.itemId, takeOverReason: "Kim is at the review desk" });
    expect(taken.tookOverFrom).toMatchObject({ userId: c.inspector.id });
    const after = (await readInspectionQueue(db, c.center.id)).claims.filter((r) => r.itemId === item.id);
    expect(after).toEqual([expect.objectContaining({ inspectionId: taken.inspectionId, inspectorId: c.senior2.id })]);
    // Waiting rows carry both catalogue names too.
    const [waiting] = await createOrderWithItems(db, c.center.id, ["received"]);
    const entry = (await readInspectionQueue(db, c.center.id)).waiting.find((w) => w.itemId === waiting.id);
    expect(entry).toMatchObject({ productNameKo: "나이키 덩크 로우 레트로 화이트 블랙", productNameEn: "Nike Dunk Low Retro White Black" });
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { items, products } from "@/db/schema";
import { getInspectionView } from "@/lib/inspection/inspection-view";
import { inspectionStats } from "@/lib/inspection/inspection-stats";
import { reviewVerdict } from "@/lib/inspection/review";
import { saveChecklistResults } from "@/lib/inspection/checklist-results";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { describeEachDb } from "../helpers/databases";
import { uniq } from "../helpers/fixtures";
import { addJpeg, answerChecklist, claimedItem, ctxOf, inspectionCenter, scan, tempPhotoStore } from "./inspection-fixtures";

describeEachDb("inspection view and statistics", (use) => {
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let store: Awaited<ReturnType<typeof tempPhotoStore>>;
  beforeAll(async () => {
    c = await inspectionCenter(use());
    store = await tempPhotoStore();
  });

  it("gives the tablet the item, its reference data, checklist, results, photos and verdict options", async () => {
    const db = use();
    const sku = uniq("SKU-");
    await db.insert(products).values({
      sku,
      brand: "Nike",
      nameEn: "Dunk Low Panda",
      nameKo: "덩크 로우 판다",
      category: "sneakers",
      colour: "White/Black",
      releasePrice: 129_000,
      sizes: "220-300/5",
      sizeClass: "S",
      imageUrl: "https://example.test/dunk.png",
    });
    const ctx = ctxOf(c.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx, { price: 1_200_000, answered: false });
    await db.update(items).set({ sku }).where(eq(items.id, item.id));
    await saveChecklistResults(db, ctx, { inspectionId, results: [{ key: "sole", ok: true }] });
    const photo = await addJpeg(db, store, ctx, inspectionId);

    const view = await getInspectionView(db, ctx, inspectionId);
    expect(view.item).toMatchObject({ id: item.id, code: item.code, state: "in_inspection", type: "trade", size: "270", price: 1_200_000 });
    expect(view.product).toMatchObject({ brand: "Nike", nameKo: "덩크 로우 판다", colour: "White/Black", releasePrice: 129_000 });
    expect(view.order?.type).toBe("trade");
    expect(view.checklist?.points.length).toBeGreaterThan(5);
    expect(view.results).toEqual([{ key: "sole", ok: true }]);
    expect(view.photos.map((p) => p.id)).toEqual([photo.id]);
    expect(view.canEdit).toBe(true);
    expect(view.canReview).toBe(false);
    expect(view.inspection.claimExpiresAt.getTime() - view.inspection.claimedAt.getTime()).toBe(30 * 60_000);
    const option = (v: string) => view.verdictOptions.find((o) => o.verdict === v)!;
    expect(option("pass")).toMatchObject({ needsReason: false, needsPhoto: false, reviewReason: "price", reasonCodes: [] });
    expect(option("fail_used")).toMatchObject({ needsReason: true, penaltyRate: 0.15 });
    expect(option("fail_used").reasonCodes).toContain("USED_SOLE");
    expect(option("fail_used").reasonCodes).not.toContain("USED_ACTIVATED");
    expect(view.reasonCodes.some((r) => r.code === "FAKE_UV")).toBe(true);

    const other = await getInspectionView(db, ctxOf(c.inspector2), inspectionId);
    expect(other.canEdit).toBe(false);
    await answerChecklist(db, ctx, inspectionId);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" });
    expect((await getInspectionView(db, ctxOf(c.inspector2), inspectionId)).canReview).toBe(true);
    expect((await getInspectionView(db, ctx, inspectionId)).canReview).toBe(false);
    await expect(getInspectionView(db, ctx, "not-a-uuid")).rejects.toMatchObject({ code: "not_found:inspection" });
  });

  it("counts verdicts by the verdict that stands and times inspectors from claim to verdict", async () => {
    const db = use();
    const own = await inspectionCenter(db);
    const base = Date.UTC(2030, 0, 10, 9);
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const run = async (who: typeof own.inspector, minutes: number, verdict: "pass" | "fail_used", price = 100_000) => {
      const ctx = ctxOf(who);
      const { inspectionId } = await claimedItem(db, ctx, { price }, at(0));
      await addJpeg(db, store, ctx, inspectionId);
      await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict, reasonCodes: verdict === "pass" ? [] : ["USED_WEAR"] }, at(minutes));
      return inspectionId;
    };
    await run(own.inspector, 2, "pass");
    await run(own.inspector, 4, "pass");
    await run(own.inspector, 12, "fail_used"); // submitted after the period: not counted
    await run(own.inspector2, 5, "pass");
    await run(own.inspector2, 7, "pass", 9_000_000); // still awaiting review
    const overturned = await run(own.inspector2, 9, "fail_used", 9_000_000);
    await reviewVerdict(db, ctxOf(own.senior), { scanId: scan(), inspectionId: overturned, decision: "overturn", verdict: "pass", note: "creases are factory" });
    await run(own.inspector, 3, "pass");

    const stats = await inspectionStats(db, own.center.id, { from: at(0), to: at(10) });
    expect(stats.total).toBe(6);
    expect(stats.byVerdict).toMatchObject({ pass: 6, fail_used: 0, fail_counterfeit: 0 });
    expect(stats.awaitingReview).toBe(1);
    expect(stats.overturned).toBe(1);
    const kim = stats.perInspector.find((p) => p.inspectorId === own.inspector.id)!;
    expect(kim).toMatchObject({ count: 3, medianMs: 3 * 60_000, avgMs: 3 * 60_000 });
    const park = stats.perInspector.find((p) => p.inspectorId === own.inspector2.id)!;
    expect(park).toMatchObject({ count: 3, medianMs: 7 * 60_000, avgMs: 7 * 60_000 });
    const whole = await inspectionStats(db, own.center.id, { from: at(0), to: at(60) });
    expect(whole.byVerdict).toMatchObject({ pass: 6, fail_used: 1 });
    expect(whole.perInspector[0]).toMatchObject({ inspectorId: own.inspector2.id });
  });
});

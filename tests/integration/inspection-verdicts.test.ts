import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { centers, inspections, type Verdict } from "@/db/schema";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { setReasonCodeActive } from "@/lib/inspection/reason-codes";
import { describeEachDb } from "../helpers/databases";
import { defaultSettings } from "../helpers/fixtures";
import { addJpeg, claimedItem, ctxOf, inspectionCenter, scan, snapshot, tempPhotoStore } from "./inspection-fixtures";

type Case = {
  verdict: Verdict;
  type: "trade" | "storage";
  reasons: string[];
  end: string;
  actions: string[];
  destination: "buyer" | "seller" | null;
  penaltyRate?: number;
  defectNote?: boolean;
};

const cases: Case[] = [
  { verdict: "pass", type: "trade", reasons: [], end: "awaiting_pack", actions: ["pass", "route_trade"], destination: "buyer" },
  { verdict: "pass", type: "storage", reasons: [], end: "awaiting_putaway", actions: ["pass", "route_storage"], destination: null },
  { verdict: "pass_minor_defect", type: "trade", reasons: ["BOX_DAMAGE"], end: "held", actions: ["hold"], destination: null, defectNote: true },
  {
    verdict: "pass_minor_defect",
    type: "storage",
    reasons: ["BOX_DAMAGE", "MINOR_MARK"],
    end: "awaiting_putaway",
    actions: ["pass", "route_storage"],
    destination: null,
    defectNote: true,
  },
  { verdict: "fail_used", type: "trade", reasons: ["USED_SOLE"], end: "awaiting_pack", actions: ["fail", "route_return"], destination: "seller", penaltyRate: 0.15 },
  { verdict: "fail_defect", type: "storage", reasons: ["DEFECT_STAIN"], end: "awaiting_pack", actions: ["fail", "route_return"], destination: "seller", penaltyRate: 0.1 },
  { verdict: "fail_wrong_item", type: "trade", reasons: ["WRONG_SIZE"], end: "awaiting_pack", actions: ["fail", "route_return"], destination: "seller", penaltyRate: 0.1 },
  {
    verdict: "fail_missing_parts",
    type: "storage",
    reasons: ["MISSING_BOX"],
    end: "awaiting_pack",
    actions: ["fail", "route_return"],
    destination: "seller",
    penaltyRate: 0.1,
  },
];

describeEachDb("inspection verdicts", (use) => {
  let c: Awaited<ReturnType<typeof inspectionCenter>>;
  let store: Awaited<ReturnType<typeof tempPhotoStore>>;
  beforeAll(async () => {
    c = await inspectionCenter(use());
    store = await tempPhotoStore();
  });

  for (const k of cases) {
    it(`${k.verdict} on a ${k.type} item ends ${k.end} with its events and outbox payload`, async () => {
      const db = use();
      const ctx = ctxOf(c.inspector);
      const claimedAt = new Date(Date.now() - 95_000);
      const { item, inspectionId } = await claimedItem(db, ctx, { type: k.type }, claimedAt);
      if (k.verdict !== "pass") await addJpeg(db, store, ctx, inspectionId);
      const submittedAt = new Date(claimedAt.getTime() + 90_000);
      const result = await submitVerdict(
        db,
        ctx,
        { scanId: scan(), inspectionId, verdict: k.verdict, reasonCodes: k.reasons, note: k.defectNote ? "scuff on heel" : undefined },
        submittedAt,
      );
      expect(result).toMatchObject({ verdict: k.verdict, status: "done", itemState: k.end, needsReview: false, durationMs: 90_000 });

      const after = await snapshot(db, item.id);
      expect(after.item.state).toBe(k.end);
      expect(after.item.destination).toBe(k.destination);
      expect(after.inspections[0]).toMatchObject({ status: "done", verdict: k.verdict, reasonCodes: k.reasons, durationMs: 90_000 });
      expect(after.inspections[0].submittedAt?.getTime()).toBe(submittedAt.getTime());
      const verdictEvents = after.events.filter((e) => !["claim", "photo_added"].includes(e.action));
      expect(verdictEvents.map((e) => e.action)).toEqual(k.actions);
      const outbox = after.outbox.filter((e) => e.type !== "item.claim");
      expect(outbox.map((e) => e.type)).toEqual(k.actions.map((a) => `item.${a}`));
      for (const event of outbox) {
        expect(event.payload).toMatchObject({ inspectionId, verdict: k.verdict, reasonCodes: k.reasons });
        if (k.penaltyRate !== undefined) expect(event.payload.penaltyRate).toBe(k.penaltyRate);
        else expect(event.payload).not.toHaveProperty("penaltyRate");
      }
      if (k.defectNote) {
        expect(after.item.defectNote).toMatch(/^Box damaged \/ 박스 손상.* — scuff on heel$/);
        expect(outbox[0].payload.defectNote).toBe(after.item.defectNote);
      } else {
        expect(after.item.defectNote).toBeNull();
      }
      if (k.verdict === "pass_minor_defect" && k.type === "trade") expect(outbox[0].payload.awaitingBuyerDecision).toBe(true);
    });
  }

  it("uses the center's own penalty rate", async () => {
    const db = use();
    const custom = await inspectionCenter(db, { penaltyRates: { ...defaultSettings.penaltyRates, fail_defect: 0.2 } });
    const ctx = ctxOf(custom.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx);
    await addJpeg(db, store, ctx, inspectionId);
    const result = await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "fail_defect", reasonCodes: ["DEFECT_TEAR"] });
    expect(result.penaltyRate).toBe(0.2);
    const after = await snapshot(db, item.id);
    expect(after.outbox.find((e) => e.type === "item.fail")?.payload.penaltyRate).toBe(0.2);
  });

  it("refuses a verdict without photo, without reason or with a wrong reason, and changes nothing", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx);
    const before = await snapshot(db, item.id);
    const attempt = (verdict: Verdict, reasonCodes: string[]) => submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict, reasonCodes });
    await expect(attempt("fail_used", ["USED_SOLE"])).rejects.toMatchObject({ code: "validation:photo_required" });
    await addJpeg(db, store, ctx, inspectionId);
    const withPhoto = await snapshot(db, item.id);
    await expect(attempt("fail_used", [])).rejects.toMatchObject({ code: "validation:reason_required" });
    await expect(attempt("fail_used", ["WRONG_SIZE"])).rejects.toMatchObject({ code: "validation:reason_invalid" });
    await expect(attempt("fail_used", ["NO_SUCH_CODE"])).rejects.toMatchObject({ code: "validation:reason_invalid" });
    await expect(attempt("fail_used", ["USED_ACTIVATED"])).rejects.toMatchObject({ code: "validation:reason_invalid" }); // tech only
    await setReasonCodeActive(db, ctxOf(c.manager), { code: "USED_ODOR", active: false });
    await expect(attempt("fail_used", ["USED_ODOR"])).rejects.toMatchObject({ code: "validation:reason_invalid" });
    await setReasonCodeActive(db, ctxOf(c.manager), { code: "USED_ODOR", active: true });
    const after = await snapshot(db, item.id);
    expect(after).toEqual(withPhoto);
    expect(after.item).toEqual(before.item);
    expect(after.inspections[0]).toMatchObject({ status: "open", verdict: null, submittedAt: null });
    // Once the evidence is there, the same inspection goes through.
    await expect(attempt("fail_used", ["USED_SOLE"])).resolves.toMatchObject({ itemState: "awaiting_pack" });
  });

  it("only the claiming inspector records the verdict", async () => {
    const db = use();
    const { item, inspectionId } = await claimedItem(db, ctxOf(c.inspector));
    await expect(submitVerdict(db, ctxOf(c.inspector2), { scanId: scan(), inspectionId, verdict: "pass" })).rejects.toMatchObject({
      code: "forbidden:not_claimer",
    });
    await expect(submitVerdict(db, ctxOf(c.manager), { scanId: scan(), inspectionId, verdict: "pass" })).rejects.toMatchObject({
      code: "forbidden:not_claimer",
    });
    expect((await snapshot(db, item.id)).item.state).toBe("in_inspection");
  });

  it("a verdict posted twice: the same scan id gets the first answer, another scan id a clear refusal", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx);
    const scanId = scan();
    const first = await submitVerdict(db, ctx, { scanId, inspectionId, verdict: "pass" });
    const afterFirst = await snapshot(db, item.id);
    const again = await submitVerdict(db, ctx, { scanId, inspectionId, verdict: "pass" });
    expect(again).toEqual({ ...first, repeated: true });
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" })).rejects.toMatchObject({
      code: "conflict:inspection_closed",
      message: expect.stringContaining("already has a verdict (pass"),
    });
    expect(await snapshot(db, item.id)).toEqual(afterFirst);
  });

  it("two verdicts racing on one inspection: exactly one is recorded", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx, { type: "storage" });
    await addJpeg(db, store, ctx, inspectionId);
    const results = await Promise.allSettled([
      submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" }),
      submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "fail_used", reasonCodes: ["USED_WEAR"] }),
      submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict:inspection_closed" });
    const after = await snapshot(db, item.id);
    expect(after.events.filter((e) => e.action === "pass" || e.action === "fail")).toHaveLength(1);
    const [row] = await db.select().from(inspections).where(and(eq(inspections.id, inspectionId), eq(inspections.status, "done")));
    expect(row).toBeDefined();
  });

  it("reads the center's settings at verdict time (four-eyes price lowered)", async () => {
    const db = use();
    const own = await inspectionCenter(db);
    const ctx = ctxOf(own.inspector);
    const { inspectionId } = await claimedItem(db, ctx, { price: 50_000 });
    await addJpeg(db, store, ctx, inspectionId);
    await db.update(centers).set({ settings: { ...defaultSettings, fourEyesPrice: 40_000 } }).where(eq(centers.id, own.center.id));
    await expect(submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" })).resolves.toMatchObject({
      needsReview: true,
      itemState: "held",
      status: "awaiting_review",
    });
  });
});

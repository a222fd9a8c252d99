import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { checklists, inspections, reasonCodes } from "@/db/schema";
import { saveChecklistResults } from "@/lib/inspection/checklist-results";
import { getActiveChecklist, saveChecklist } from "@/lib/inspection/checklists";
import { defaultChecklists } from "@/lib/inspection/default-checklists";
import { defaultReasonCodes } from "@/lib/inspection/default-reason-codes";
import { getInspectionView } from "@/lib/inspection/inspection-view";
import { installInspectionDefaults } from "@/lib/inspection/install-defaults";
import { deactivateReasonCode, listReasonCodes, saveReasonCode } from "@/lib/inspection/reason-codes";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { answerChecklist, claimedItem, ctxOf, inspectionCenter, scan } from "./inspection-fixtures";

describeEachDb("inspection checklists and reason codes", (use) => {
  const c = worldBeforeAll(use, inspectionCenter);

  it("installs the defaults once: five checklists at version 1 and every default reason code", async () => {
    const db = use();
    const rows = await db.select().from(checklists).where(eq(checklists.centerId, c.center.id));
    expect(rows.map((r) => [r.category, r.version]).sort()).toEqual(Object.keys(defaultChecklists).map((k) => [k, 1]).sort());
    const codes = await db.select().from(reasonCodes).where(eq(reasonCodes.centerId, c.center.id));
    expect(codes).toHaveLength(defaultReasonCodes.length);
    expect(await installInspectionDefaults(db, c.center.id)).toEqual({ checklists: 0, reasonCodes: 0 });
  });

  it("saving a checklist makes a new version; inspections keep the version they were done with", async () => {
    const db = use();
    const v1 = (await getActiveChecklist(db, c.center.id, "watches"))!;
    const before = await claimedItem(db, ctxOf(c.inspector), { category: "watches" });
    const points = [...v1.points.slice(0, 3), { key: "lume", subject: "item" as const, labelEn: "Lume even", labelKo: "야광 균일" }];
    const v2 = await saveChecklist(db, ctxOf(c.manager), { category: "watches", points });
    expect(v2).toMatchObject({ version: v1.version + 1, active: true, createdBy: c.manager.id });
    expect((await getActiveChecklist(db, c.center.id, "watches"))?.id).toBe(v2.id);
    const [old] = await db.select().from(checklists).where(eq(checklists.id, v1.id));
    expect(old.active).toBe(false);

    const after = await claimedItem(db, ctxOf(c.inspector2), { category: "watches" });
    const [a] = await db.select().from(inspections).where(eq(inspections.id, before.inspectionId));
    const [b] = await db.select().from(inspections).where(eq(inspections.id, after.inspectionId));
    expect(a.checklistId).toBe(v1.id);
    expect(b.checklistId).toBe(v2.id);
    const viewOld = await getInspectionView(db, ctxOf(c.inspector), before.inspectionId);
    expect(viewOld.checklist).toMatchObject({ version: v1.version, points: v1.points });
    const viewNew = await getInspectionView(db, ctxOf(c.inspector2), after.inspectionId);
    expect(viewNew.checklist?.points.map((p) => p.key)).toContain("lume");
    // Results are checked against the inspection's own version.
    await expect(
      saveChecklistResults(db, ctxOf(c.inspector), { inspectionId: before.inspectionId, results: [{ key: "lume", ok: true }] }),
    ).rejects.toMatchObject({ code: "validation:checklist_point" });
  });

  it("only managers edit checklists, and bad checklists are refused", async () => {
    const db = use();
    const point = { key: "a", subject: "item" as const, labelEn: "A", labelKo: "가" };
    await expect(saveChecklist(db, ctxOf(c.senior), { category: "tech", points: [point] })).rejects.toMatchObject({ code: "forbidden:role" });
    await expect(saveChecklist(db, ctxOf(c.manager), { category: "tech", points: [point, point] })).rejects.toMatchObject({ code: "validation" });
    await expect(saveChecklist(db, ctxOf(c.manager), { category: "tech", points: [] })).rejects.toMatchObject({ code: "validation" });
    await expect(saveChecklist(db, ctxOf(c.manager), { category: "cars" as "tech", points: [point] })).rejects.toMatchObject({ code: "validation" });
    expect((await getActiveChecklist(db, c.center.id, "tech"))?.version).toBe(1);
  });

  it("two managers saving at once: both versions are kept in order or one is told to retry, never two active", async () => {
    const db = use();
    const point = (k: string) => ({ key: k, subject: "item" as const, labelEn: k, labelKo: "가" });
    const results = await Promise.allSettled([
      saveChecklist(db, ctxOf(c.manager), { category: "apparel", points: [point("x")] }),
      saveChecklist(db, ctxOf(c.manager), { category: "apparel", points: [point("y")] }),
    ]);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict:checklist_version" });
    const active = await db.select().from(checklists).where(eq(checklists.centerId, c.center.id));
    expect(active.filter((r) => r.category === "apparel" && r.active)).toHaveLength(1);
  });

  it("records checklist results per point, merged, by the claiming inspector while open", async () => {
    const db = use();
    const ctx = ctxOf(c.inspector);
    const { inspectionId } = await claimedItem(db, ctx, { category: "sneakers", answered: false });
    await saveChecklistResults(db, ctx, { inspectionId, results: [{ key: "sole", ok: false, note: "  dirt  " }] });
    const merged = await saveChecklistResults(db, ctx, { inspectionId, results: [{ key: "box_condition", ok: true }, { key: "sole", ok: true }] });
    expect(merged).toEqual([
      { key: "box_condition", ok: true },
      { key: "sole", ok: true },
    ]);
    await saveChecklistResults(db, ctx, { inspectionId, results: [{ key: "smell", ok: false, note: "dirt" }] });
    const [row] = await db.select().from(inspections).where(eq(inspections.id, inspectionId));
    expect(row.results).toEqual([{ key: "box_condition", ok: true }, { key: "sole", ok: true }, { key: "smell", ok: false, note: "dirt" }]);

    await expect(saveChecklistResults(db, ctx, { inspectionId, results: [{ key: "nope", ok: true }] })).rejects.toMatchObject({
      code: "validation:checklist_point",
    });
    await expect(saveChecklistResults(db, ctxOf(c.inspector2), { inspectionId, results: [{ key: "sole", ok: false }] })).rejects.toMatchObject({
      code: "forbidden:not_claimer",
    });
    await answerChecklist(db, ctx, inspectionId);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "pass" });
    await expect(saveChecklistResults(db, ctx, { inspectionId, results: [{ key: "sole", ok: false }] })).rejects.toMatchObject({
      code: "conflict:inspection_closed",
    });
  });

  it("reason codes: managers add, edit and deactivate; lists filter by category and verdict", async () => {
    const db = use();
    const mgr = ctxOf(c.manager);
    await expect(
      saveReasonCode(db, ctxOf(c.inspector), { code: "X_ONE", labelEn: "x", labelKo: "엑스", verdicts: ["fail_defect"] }),
    ).rejects.toMatchObject({ code: "forbidden:role" });
    await expect(saveReasonCode(db, mgr, { code: "X_ONE", labelEn: "x", labelKo: "엑스", verdicts: ["pass"] as never })).rejects.toMatchObject({
      code: "validation",
    });
    const created = await saveReasonCode(db, mgr, { code: "strap_crack", category: "watches", labelEn: "Strap cracked", labelKo: "스트랩 균열", verdicts: ["fail_defect"] });
    expect(created).toMatchObject({ code: "STRAP_CRACK", category: "watches", active: true });
    const edited = await saveReasonCode(db, mgr, { code: "STRAP_CRACK", category: "watches", labelEn: "Strap crack", labelKo: "스트랩 균열", verdicts: ["fail_defect", "pass_minor_defect"] });
    expect(edited).toMatchObject({ id: created.id, labelEn: "Strap crack", verdicts: ["fail_defect", "pass_minor_defect"] });

    const forWatches = await listReasonCodes(db, c.center.id, { category: "watches", verdict: "fail_defect" });
    expect(forWatches.map((r) => r.code)).toContain("STRAP_CRACK");
    expect(forWatches.every((r) => r.verdicts.includes("fail_defect") && (r.category === null || r.category === "watches"))).toBe(true);
    expect((await listReasonCodes(db, c.center.id, { category: "bags" })).map((r) => r.code)).not.toContain("STRAP_CRACK");

    await deactivateReasonCode(db, mgr, { code: "strap_crack" });
    expect((await listReasonCodes(db, c.center.id, { category: "watches" })).map((r) => r.code)).not.toContain("STRAP_CRACK");
    expect((await listReasonCodes(db, c.center.id, { includeInactive: true })).map((r) => r.code)).toContain("STRAP_CRACK");
    await expect(deactivateReasonCode(db, mgr, { code: "NOT_THERE" })).rejects.toMatchObject({ code: "not_found:reason_code" });
  });
});

import { asc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { itemEvents, items } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { findLabelData } from "@/lib/labels/find-label-data";
import { renderLabelPdf } from "@/lib/labels/render-label-pdf";
import { renderLabelZpl } from "@/lib/labels/render-label-zpl";
import { printDocument } from "@/lib/printing/print-document";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { listInspectionQueue } from "@/lib/inspection/list-inspection-queue";
import { receiveUnit } from "@/lib/receiving/receive-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { describeEachDb } from "../helpers/databases";
import { pdfPageTexts } from "../helpers/pdf-text";
import { createCenter, defaultSettings } from "../helpers/fixtures";
import { createAnnouncedOrder, ensureProduct, scanId, staffContext } from "../helpers/receiving-fixtures";

describeEachDb("receiving: inspection queue and labels", (use) => {
  let ctx: StaffContext;
  beforeAll(async () => {
    const center = await createCenter(use(), { settings: { ...defaultSettings, inspectionDeadlineHours: 4 } });
    ctx = await staffContext(use(), center.id);
    await ensureProduct(use());
  });

  it("orders received units by waiting time with a one-hour head start for trade, and flags overdue ones", async () => {
    const db = use();
    const now = new Date("2025-06-01T12:00:00Z");
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    // name, type, minutes waited
    const plan = [
      ["S1", "storage", 300],
      ["T1", "trade", 270],
      ["S2", "storage", 180],
      ["T2", "trade", 150],
      ["S3", "storage", 130],
      ["T3", "trade", 80],
      ["S4", "storage", 30],
      ["T4", "trade", 0],
    ] as const;
    const ids: Record<string, string> = {};
    for (const [name, type, minutes] of plan) {
      const { items: [unit] } = await createAnnouncedOrder(db, ctx.centerId, { type, units: [{ productName: name }] });
      await db.update(items).set({ state: "received", code: generateItemCode(), receivedAt: ago(minutes) }).where(eq(items.id, unit.id));
      ids[unit.id] = name;
    }
    // Not in the queue: still expected, already being inspected, flagged for return, another center's.
    const { items: others } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}, {}, {}] });
    await db.update(items).set({ state: "in_inspection", code: generateItemCode(), receivedAt: ago(600) }).where(eq(items.id, others[1].id));
    await db.update(items).set({ state: "received", code: generateItemCode(), receivedAt: ago(600), returnToSeller: true }).where(eq(items.id, others[2].id));
    const otherCenter = await createCenter(db);
    const { items: foreign } = await createAnnouncedOrder(db, otherCenter.id, { units: [{}] });
    await db.update(items).set({ state: "received", code: generateItemCode(), receivedAt: ago(900) }).where(eq(items.id, foreign[0].id));

    const queue = await listInspectionQueue(db, ctx.centerId, { now });
    // Effective arrival (minutes ago): T1 330, S1 300, T2 210, S2 180, T3 140, S3 130, T4 60, S4 30.
    expect(queue.map((e) => ids[e.itemId])).toEqual(["T1", "S1", "T2", "S2", "T3", "S3", "T4", "S4"]);
    expect(queue[0]).toMatchObject({ type: "trade", waitingMinutes: 270, overdue: true, deadlineAt: new Date(ago(270).getTime() + 4 * 3_600_000).toISOString() });
    expect(queue[1]).toMatchObject({ type: "storage", waitingMinutes: 300, overdue: true });
    expect(queue[2]).toMatchObject({ waitingMinutes: 150, overdue: false });
    expect(queue[0].orderExternalId).toMatch(/^ORD-/);
    expect(queue[0].brand).toBe("Nike");
    expect(await listInspectionQueue(db, ctx.centerId, { now, limit: 3 })).toHaveLength(3);
  });

  it("shows a unit in the queue as soon as it is received", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}] });
    const { result } = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    expect((await listInspectionQueue(db, ctx.centerId, { limit: 500 })).map((e) => e.itemId)).not.toContain(units[0].id);
    await receiveUnit(db, ctx, { scanId: scanId(), parcelId: result.parcel.id, itemId: units[0].id });
    const entry = (await listInspectionQueue(db, ctx.centerId, { limit: 500 })).find((e) => e.itemId === units[0].id);
    expect(entry).toMatchObject({ state: "received", waitingMinutes: 0, overdue: false });
  });

  it("logs label prints and reprints, and renders the labels as PDF and ZPL", async () => {
    const db = use();
    const { order, items: units } = await createAnnouncedOrder(db, ctx.centerId, { units: [{}, { sku: "X-1", productName: "에어 조던 1" }] });
    const { result } = await scanParcel(db, ctx, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    await expect(printDocument(db, ctx, { scanId: scanId(), kind: "item_labels", input: { itemIds: [units[0].id] } })).rejects.toMatchObject({ code: "conflict:not_received" });
    const received = [];
    for (const unit of units) {
      received.push((await receiveUnit(db, ctx, { scanId: scanId(), parcelId: result.parcel.id, itemId: unit.id })).result);
    }
    const printed = await printDocument(db, ctx, { scanId: scanId(), kind: "item_labels", input: { itemIds: [units[0].id] } });
    expect(printed.result).toMatchObject({ via: "browser", pages: 1 });
    await printDocument(db, ctx, { scanId: scanId(), kind: "item_labels", input: { itemIds: [units[0].id] } });
    const events = await db.select().from(itemEvents).where(eq(itemEvents.itemId, units[0].id)).orderBy(asc(itemEvents.id));
    expect(events.map((e) => e.action)).toEqual(["receive", "label_printed", "label_reprinted"]);
    expect(events[2]).toMatchObject({ fromState: "received", toState: "received", actorUserId: ctx.userId, details: { format: "pdf", printer: null, code: received[0].unit.code } });

    const labels = await findLabelData(db, ctx.centerId, units.map((u) => u.id));
    // A Korean-only product (SKU not in the catalogue) prints its Korean name.
    expect(labels[1]).toMatchObject({ productName: "에어 조던 1", productNameEn: null });
    const pages = await pdfPageTexts(await renderLabelPdf(labels));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain("에어 조던 1");
    expect(pages[1]).toContain(received[1].unit.code!);
    const zpl = renderLabelZpl(labels);
    expect(zpl.match(/\^XA/g)).toHaveLength(2);
    expect(zpl).toContain(`^FD${received[1].unit.code}^FS`);
    expect(zpl).toContain("^FH^FD에어 조던 1^FS");

    const otherCenter = await createCenter(db);
    const stranger = await staffContext(db, otherCenter.id);
    await expect(printDocument(db, stranger, { scanId: scanId(), kind: "item_labels", input: { itemIds: [units[0].id] } })).rejects.toMatchObject({ code: "not_found:item" });
  });
});

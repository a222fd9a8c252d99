import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { items } from "@/db/schema";
import { findItemByCodeOrId, loadItemRecord } from "@/lib/desk/item-record";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import { printDocument } from "@/lib/printing/print-document";
import { describeEachDb } from "../helpers/databases";
import { worldBeforeAll } from "../helpers/world-before-all";
import { createCenter } from "../helpers/fixtures";
import { addJpeg, claimedItem, ctxOf, inspectionCenter, scan, tempPhotoStore } from "./inspection-fixtures";

describeEachDb("desk item record", (use) => {
  const c = worldBeforeAll(use, inspectionCenter);

  it("finds an item by its code as typed or by its id, only in its own center", async () => {
    const db = use();
    const { item } = await claimedItem(db, ctxOf(c.inspector));
    expect((await findItemByCodeOrId(db, c.center.id, item.code!.toLowerCase()))?.id).toBe(item.id);
    expect((await findItemByCodeOrId(db, c.center.id, ` ${item.code} `))?.id).toBe(item.id);
    expect((await findItemByCodeOrId(db, c.center.id, item.id))?.id).toBe(item.id);
    const other = await createCenter(db);
    expect(await findItemByCodeOrId(db, other.id, item.code!)).toBeUndefined();
    await expect(loadItemRecord(db, other.id, item.code!)).rejects.toMatchObject({ code: "not_found:item" });
  });

  it("holds the order, inspection with photo, label prints and every step in order with who and where", async () => {
    const db = use();
    const store = await tempPhotoStore();
    const inspector = ctxOf(c.inspector, "TAB-07");
    const { item, inspectionId } = await claimedItem(db, inspector);
    await db.update(items).set({ receivedAt: new Date() }).where(eq(items.id, item.id));
    await printDocument(db, ctxOf(c.operator, "RCV-02"), { scanId: scan(), kind: "item_labels", input: { itemIds: [item.id] } });
    const photo = await addJpeg(db, store, inspector, inspectionId);
    await submitVerdict(db, inspector, { scanId: scan(), inspectionId, verdict: "fail_used", reasonCodes: ["USED_WEAR"] });

    const record = await loadItemRecord(db, c.center.id, item.code!);
    expect(record.item).toMatchObject({ id: item.id, state: "awaiting_pack", destination: "seller" });
    expect(record.order?.seller.name).toBe("Kim Seller");
    expect(record.inspections).toHaveLength(1);
    expect(record.inspections[0]).toMatchObject({ verdict: "fail_used", reasonCodes: ["USED_WEAR"], inspectorName: c.inspector.name });
    expect(record.photos.map((p) => p.id)).toEqual([photo.id]);
    expect(record.labels.map((l) => [l.action, l.actorName, l.station, l.details.format])).toEqual([
      ["label_printed", c.operator.name, "RCV-02", "pdf"],
    ]);
    expect(record.timeline.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ["claim", "received", "in_inspection"],
      ["label_printed", "in_inspection", "in_inspection"],
      ["photo_added", "in_inspection", "in_inspection"],
      ["fail", "in_inspection", "failed"],
      ["route_return", "failed", "awaiting_pack"],
    ]);
    const fail = record.timeline.find((e) => e.action === "fail")!;
    expect(fail).toMatchObject({ actorName: c.inspector.name, actorRole: "inspector", station: "TAB-07" });
    expect(record.timeline.find((e) => e.action === "photo_added")!.details.photoId).toBe(photo.id);
  });
});

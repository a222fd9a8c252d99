import { readdir } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { items, quarantineActions, type Item } from "@/db/schema";
import type { ApiCaller } from "@/lib/api/api-clients";
import { reportSale } from "@/lib/orders/item-actions";
import { addParcelToManifest, closeManifest, openManifest } from "@/lib/dispatch/manifests";
import { lookupPackItem, packItem } from "@/lib/dispatch/packing";
import { loadShipmentViews } from "@/lib/dispatch/shipment-view";
import { readPickQueue } from "@/lib/dispatch/pick-queue";
import { claimPickList, loadPickList, pickScan, reportShortPick } from "@/lib/dispatch/picking";
import { decideQuarantine, listQuarantine, placeInQuarantineBin } from "@/lib/dispatch/quarantine";
import { listShortPicks, resolveShortPick } from "@/lib/dispatch/short-picks";
import { describeEachDb } from "../helpers/databases";
import { createOrderWithItems, createUser } from "../helpers/fixtures";
import { binOf, dispatchWorld, marketplaceCaller, eventsOf, freshCode, itemNow, storedItem, type DispatchWorld } from "./dispatch-fixtures";
import { addJpeg, claimedItem, ctxOf, jpegBytes, scan, tempPhotoStore } from "./inspection-fixtures";
import { reviewVerdict } from "@/lib/inspection/review";
import { submitVerdict } from "@/lib/inspection/submit-verdict";

describeEachDb("dispatch stations: picking, packing, handover, quarantine", (use) => {
  let w: DispatchWorld;
  let caller: ApiCaller;
  beforeAll(async () => {
    w = await dispatchWorld(use());
    caller = await marketplaceCaller(use(), w.center.id);
  });

  const sold = async (bin = w.bins[0]) => {
    const item = await storedItem(use(), bin);
    await reportSale(use(), caller, item.id, { buyer: { id: "B-1", name: "Lee Buyer", address: "Seoul" } });
    return item;
  };
  /** An item waiting to be packed for the buyer `buyerId` (trade passed). */
  const readyToPack = async (buyerId = "B-1"): Promise<Item> => {
    const db = use();
    const [item] = await createOrderWithItems(db, w.center.id, ["passed"]);
    await db.update(items).set({ code: freshCode() }).where(eq(items.id, item.id));
    const { inboundOrders } = await import("@/db/schema");
    await db.update(inboundOrders).set({ buyer: { id: buyerId, name: "Lee Buyer", address: "Seoul" } }).where(eq(inboundOrders.id, item.orderId));
    const { applyTransition } = await import("@/lib/items/apply-transition");
    await db.transaction((tx) => applyTransition(tx, { itemId: item.id, action: "route_trade", actor: { userId: w.manager.id }, set: { destination: "buyer" } }));
    return itemNow(db, item.id);
  };

  it("lists waiting items along the bin path; of two pickers claiming one list, one wins", async () => {
    const db = use();
    // Bins' pick sequence runs against their numbers: bin 3 comes before bin 1 on the path.
    const first = await sold(w.bins[0]);
    const second = await sold(w.bins[2]);
    const queue = await readPickQueue(db, w.op);
    const list = queue.find((l) => l.status === "open" && l.lines >= 2)!;
    expect(list.firstBin).toBe(w.bins[2].code);
    const results = await Promise.allSettled([
      claimPickList(db, w.op, { scanId: scan(), pickListId: list.id }),
      claimPickList(db, w.op2, { scanId: scan(), pickListId: list.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "conflict:pick_list_claimed" });
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<Awaited<ReturnType<typeof claimPickList>>>).value.result;
    expect(winner.lines.map((l) => l.itemId)).toEqual([second.id, first.id]);
    // Reading the queue again lists nothing twice.
    await readPickQueue(db, w.op);
    const again = await readPickQueue(db, w.op);
    expect(again.filter((l) => l.id !== list.id).flatMap((l) => l.lines)).not.toContain(first.id);
  });

  it("picks by scanning bin then item: wrong bin, wrong item, item before bin are refused; a tote collects; occupancy drops at once", async () => {
    const db = use();
    const a = await sold(w.bins[3]);
    const b = await sold(w.bins[3]);
    const other = await storedItem(db, w.bins[4]);
    const list = (await readPickQueue(db, w.op)).find((l) => l.status === "open")!;
    const ctx = w.op;
    await claimPickList(db, ctx, { scanId: scan(), pickListId: list.id });
    const go = (code: string) => pickScan(db, ctx, { scanId: scan(), pickListId: list.id, code });
    await expect(go(a.code!)).rejects.toMatchObject({ code: "conflict:scan_bin_first" });
    await expect(go(w.bins[4].code)).rejects.toMatchObject({ code: "conflict:wrong_bin", details: { expected: w.bins[3].code } });
    await expect(pickScan(db, w.op2, { scanId: scan(), pickListId: list.id, code: w.bins[3].code })).rejects.toMatchObject({ code: "conflict:pick_list_not_yours" });
    // Each answer's list (built from the locked row and the scan's change) is the list as stored after it.
    const asStored = async (outcome: Awaited<ReturnType<typeof go>>) => {
      expect(outcome.result.list).toEqual(await loadPickList(db, ctx.centerId, list.id));
      return outcome.result;
    };
    expect((await asStored(await go("TOTE-0042"))).list.toteCode).toBe("TOTE-0042");
    expect((await asStored(await go(w.bins[3].code))).list.currentBin).toBe(w.bins[3].code);
    await expect(go(other.code!)).rejects.toMatchObject({ code: "conflict:wrong_item" });
    const occupied = (await binOf(db, w.bins[3].id)).occupied;
    const one = await asStored(await go(a.code!));
    expect(one.done).toBe(false);
    expect(one.list).toMatchObject({ status: "claimed", currentBin: w.bins[3].code, next: { itemCode: b.code } });
    expect((await binOf(db, w.bins[3].id)).occupied).toBe(occupied - 1);
    const two = await asStored(await go(b.code!));
    expect(two.done).toBe(true);
    expect(two.list).toMatchObject({ status: "done", currentBin: null, next: null });
    expect(two.list.lines.every((l) => l.status === "picked" && l.toteCode === "TOTE-0042")).toBe(true);
    expect((await binOf(db, w.bins[3].id)).occupied).toBe(occupied - 2);
    await expect(go(a.code!)).rejects.toMatchObject({ code: "conflict:pick_list_done" });
    const { audit } = await eventsOf(db, a.id);
    expect(audit.at(-1)).toMatchObject({ action: "pick", fromState: "awaiting_pick", toState: "awaiting_pack", details: { binCode: w.bins[3].code, tote: "TOTE-0042" } });
  });

  it("a short pick becomes a manager exception with its bin flagged; resolved, the item is listed again", async () => {
    const db = use();
    const item = await sold(w.bins[5]);
    const list = (await readPickQueue(db, w.op)).find((l) => l.status === "open")!;
    const claimed = (await claimPickList(db, w.op, { scanId: scan(), pickListId: list.id })).result;
    const line = claimed.lines.find((l) => l.itemId === item.id)!;
    const answer = (await reportShortPick(db, w.op, { scanId: scan(), pickListId: list.id, lineId: line.id })).result;
    expect(answer.list.lines.find((l) => l.id === line.id)?.status).toBe("short");
    const shorts = await listShortPicks(db, w.center.id);
    expect(shorts).toContainEqual(expect.objectContaining({ itemId: item.id, binCode: w.bins[5].code, pickListNumber: list.number }));
    expect(await itemNow(db, item.id)).toMatchObject({ state: "awaiting_pick" });
    expect((await binOf(db, w.bins[5].id)).countRequestedAt).toBeInstanceOf(Date);
    const queue = await readPickQueue(db, w.op);
    for (const l of queue) expect((await claimPickList(db, w.mgr, { scanId: scan(), pickListId: l.id }).catch(() => null))?.result.lines.some((x) => x.itemId === item.id && x.status === "pending") ?? false).toBe(false);
    await expect(resolveShortPick(db, w.op, { lineId: line.id })).rejects.toMatchObject({ code: "forbidden:role" });
    await resolveShortPick(db, w.mgr, { lineId: line.id, note: "found behind the bin" });
    expect((await listShortPicks(db, w.center.id)).map((s) => s.itemId)).not.toContain(item.id);
    await readPickQueue(db, w.op);
    const relisted = (await readPickQueue(db, w.op)).filter((l) => l.status === "open");
    const found = [];
    for (const l of relisted) {
      const c = await claimPickList(db, w.op2, { scanId: scan(), pickListId: l.id });
      if (c.result.lines.some((x) => x.itemId === item.id && x.status === "pending")) found.push(l.id);
    }
    expect(found).toHaveLength(1);
  });

  it("refuses to pack an item that is not ready, and changes nothing", async () => {
    const db = use();
    const stored = await storedItem(db, w.bins[1]);
    await expect(lookupPackItem(db, w.op, stored.code!)).rejects.toMatchObject({ code: "conflict:not_ready_to_pack", details: { state: "stored" } });
    await expect(packItem(db, w.op, { scanId: scan(), itemId: stored.id, carrier: "CJ" })).rejects.toMatchObject({ code: "conflict:not_ready_to_pack" });
    expect(await itemNow(db, stored.id)).toMatchObject({ state: "stored", version: stored.version });
    const item = await readyToPack();
    await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "HANJIN", trackingNumber: "5000-1111-2222" });
    await expect(packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "HANJIN", trackingNumber: "500011112223" })).rejects.toMatchObject({
      code: "conflict:already_packed",
    });
    const other = await readyToPack();
    await expect(packItem(db, w.op, { scanId: scan(), itemId: other.id, carrier: "HANJIN" })).rejects.toMatchObject({ code: "validation:tracking_required" });
  });

  it("items of one buyer may share a parcel; another recipient's parcel is refused", async () => {
    const db = use();
    const [a, b, c] = [await readyToPack("B-SHARE"), await readyToPack("B-SHARE"), await readyToPack("B-OTHER")];
    const first = (await packItem(db, w.op, { scanId: scan(), itemId: a.id, carrier: "CJ" })).result;
    // The answers' shipment views (from the rows read or locked, not read again) are the shipments as stored.
    const stored = async (shipmentId: string) => (await loadShipmentViews(db, w.op.centerId, { shipmentIds: [shipmentId] }))[0];
    expect(first.shipment).toEqual(await stored(first.shipment.id));
    expect(first.shipment).toMatchObject({ itemState: "packed", status: "packed", carrier: "CJ", trackingNumber: first.trackingNumber });
    const view = await lookupPackItem(db, w.op, b.code!);
    expect(view.shipment).toEqual(await stored(view.shipment.id));
    expect(view.shipment).toMatchObject({ itemCode: b.code, itemState: "awaiting_pack", status: "open" });
    expect(view.openParcels).toEqual([{ trackingNumber: first.trackingNumber, carrier: "CJ", items: 1 }]);
    const second = (await packItem(db, w.op, { scanId: scan(), itemId: b.id, carrier: "CJ", trackingNumber: first.trackingNumber })).result;
    expect(second.parcelItems).toBe(2);
    await expect(packItem(db, w.op, { scanId: scan(), itemId: c.id, carrier: "CJ", trackingNumber: first.trackingNumber })).rejects.toMatchObject({
      code: "conflict:parcel_other_recipient",
    });
    const manifest = (await openManifest(db, w.op, { scanId: scan(), carrier: "CJ" })).result;
    const added = (await addParcelToManifest(db, w.op, { scanId: scan(), manifestId: manifest.id, trackingNumber: first.trackingNumber })).result;
    expect(added).toMatchObject({ items: 2, manifest: { itemCount: 2, parcels: [{ trackingNumber: first.trackingNumber, items: 2 }] } });
  });

  it("the same parcel scanned onto two manifests at once: one wins; another carrier's parcel is refused", async () => {
    const db = use();
    const item = await readyToPack();
    const { trackingNumber } = (await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" })).result;
    const m1 = (await openManifest(db, w.op, { scanId: scan(), carrier: "CJ" })).result;
    const m2 = (await openManifest(db, w.op2, { scanId: scan(), carrier: "CJ" })).result;
    const results = await Promise.allSettled([
      addParcelToManifest(db, w.op, { scanId: scan(), manifestId: m1.id, trackingNumber }),
      addParcelToManifest(db, w.op2, { scanId: scan(), manifestId: m2.id, trackingNumber }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict:parcel_on_manifest" });

    const hanjin = await readyToPack();
    await packItem(db, w.op, { scanId: scan(), itemId: hanjin.id, carrier: "HANJIN", trackingNumber: "HJ-7000-1234" });
    await expect(addParcelToManifest(db, w.op, { scanId: scan(), manifestId: m1.id, trackingNumber: "HJ70001234" })).rejects.toMatchObject({
      code: "conflict:parcel_wrong_carrier",
    });
    await expect(addParcelToManifest(db, w.op, { scanId: scan(), manifestId: m1.id, trackingNumber: "NOPE-123" })).rejects.toMatchObject({ code: "not_found:outbound_parcel" });
  });

  it("a manifest closed twice: the repeat of the same request answers the first result, a second close is refused, items dispatched once", async () => {
    const db = use();
    const item = await readyToPack();
    const { trackingNumber } = (await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" })).result;
    const m = (await openManifest(db, w.op, { scanId: scan(), carrier: "CJ" })).result;
    await expect(closeManifest(db, w.op, { scanId: scan(), manifestId: m.id })).rejects.toMatchObject({ code: "conflict:manifest_empty" });
    await addParcelToManifest(db, w.op, { scanId: scan(), manifestId: m.id, trackingNumber });
    const closeId = scan();
    const results = await Promise.allSettled([
      closeManifest(db, w.op, { scanId: closeId, manifestId: m.id }),
      closeManifest(db, w.op2, { scanId: scan(), manifestId: m.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict:manifest_closed" });
    await expect(closeManifest(db, w.op, { scanId: scan(), manifestId: m.id })).rejects.toMatchObject({ code: "conflict:manifest_closed" });
    const winner = results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<Awaited<ReturnType<typeof closeManifest>>>;
    if (results[0].status === "fulfilled") {
      const repeat = await closeManifest(db, w.op, { scanId: closeId, manifestId: m.id });
      expect(repeat).toMatchObject({ repeated: true, result: winner.value.result });
    }
    const { outbox } = await eventsOf(db, item.id);
    expect(outbox.filter((e) => e.type === "item.dispatch")).toHaveLength(1);
    await expect(addParcelToManifest(db, w.op, { scanId: scan(), manifestId: m.id, trackingNumber })).rejects.toMatchObject({ code: "conflict:manifest_closed" });
  });

  it("quarantine: into a quarantine bin, kept as evidence, then handed to the authorities; reason, photo and manager required", async () => {
    const db = use();
    const store = await tempPhotoStore();
    const [item] = await createOrderWithItems(db, w.center.id, ["quarantined"]);
    const code = freshCode();
    await db.update(items).set({ code }).where(eq(items.id, item.id));
    await expect(placeInQuarantineBin(db, w.op, { scanId: scan(), itemCode: code, binCode: w.bins[0].code })).rejects.toMatchObject({ code: "conflict:not_quarantine_bin" });
    const qBin = w.quarantineBins[0];
    const before = (await binOf(db, qBin.id)).occupied;
    await placeInQuarantineBin(db, w.op, { scanId: scan(), itemCode: code, binCode: qBin.code });
    expect(await itemNow(db, item.id)).toMatchObject({ state: "quarantined", binId: qBin.id });
    expect((await binOf(db, qBin.id)).occupied).toBe(before + 1);
    expect((await listQuarantine(db, w.op)).find((e) => e.itemId === item.id)).toMatchObject({ binCode: qBin.code, state: "quarantined" });

    const photo = [{ bytes: jpegBytes(), contentType: "image/jpeg" }];
    await expect(decideQuarantine(db, store, w.op, { itemId: item.id, decision: "keep_as_evidence", reason: "police case 2291" }, photo)).rejects.toMatchObject({
      code: "forbidden:role",
    });
    await expect(decideQuarantine(db, store, w.mgr, { itemId: item.id, decision: "keep_as_evidence", reason: "police case 2291" }, [])).rejects.toMatchObject({
      code: "validation:photo_required",
    });
    await expect(decideQuarantine(db, store, w.mgr, { itemId: item.id, decision: "hand_to_authorities", reason: "police case 2291" }, photo)).rejects.toMatchObject({
      code: "validation",
    });
    await decideQuarantine(db, store, w.mgr, { itemId: item.id, decision: "keep_as_evidence", reason: "police case 2291" }, photo);
    expect(await itemNow(db, item.id)).toMatchObject({ state: "kept_as_evidence", binId: qBin.id });
    await decideQuarantine(db, store, w.mgr, { itemId: item.id, decision: "hand_to_authorities", reason: "collected by police", handedTo: "Gangnam police, Sgt. Park" }, photo);
    expect(await itemNow(db, item.id)).toMatchObject({ state: "handed_over", binId: null });
    expect((await binOf(db, qBin.id)).occupied).toBe(before);
    const { outbox } = await eventsOf(db, item.id);
    expect(outbox.map((e) => e.type)).toEqual(["item.keep_as_evidence", "item.hand_over"]);
    expect(outbox[1].payload).toMatchObject({ quarantineDecision: "hand_to_authorities", handedTo: "Gangnam police, Sgt. Park", reason: "collected by police" });
    const decisions = await db.select().from(quarantineActions).where(eq(quarantineActions.itemId, item.id));
    expect(decisions).toHaveLength(2);
    const stored = await store.get(decisions[0].photoKeys[0]);
    expect(stored?.contentType).toBe("image/jpeg");
    await expect(decideQuarantine(db, store, w.mgr, { itemId: item.id, decision: "return_to_seller", reason: "too late" }, photo)).rejects.toMatchObject({
      code: "conflict:not_quarantined",
    });
  });
  it("quarantine: two managers deciding one item at once, one wins; handed to the brand, it leaves its bin with an event naming who took it", async () => {
    const db = use();
    const store = await tempPhotoStore();
    const [item] = await createOrderWithItems(db, w.center.id, ["quarantined"]);
    const code = freshCode();
    await db.update(items).set({ code }).where(eq(items.id, item.id));
    const qBin = w.quarantineBins[1];
    await placeInQuarantineBin(db, w.op, { scanId: scan(), itemCode: code, binCode: qBin.code });
    const before = (await binOf(db, qBin.id)).occupied;
    const photo = [{ bytes: jpegBytes(), contentType: "image/jpeg" }];
    const mgr2 = ctxOf(await createUser(db, w.center.id, "manager", { name: "Seo Manager" }), "DESK-2");
    const results = await Promise.allSettled([
      decideQuarantine(db, store, w.mgr, { itemId: item.id, decision: "hand_to_brand", reason: "brand collects for destruction", handedTo: "Nike Korea brand protection" }, photo),
      decideQuarantine(db, store, mgr2, { itemId: item.id, decision: "return_to_seller", reason: "return under penalty" }, photo),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict:not_quarantined" });
    const now = await itemNow(db, item.id);
    const { outbox } = await eventsOf(db, item.id);
    expect(outbox).toHaveLength(now.state === "handed_over" ? 1 : 2);
    const decisions = await db.select().from(quarantineActions).where(eq(quarantineActions.itemId, item.id));
    expect(decisions).toHaveLength(1);
    // The losing decision's photo is not left in the store: only the winner's files remain.
    const files = await readdir(path.join(store.dir, "quarantine", item.id));
    expect(files.sort()).toEqual(decisions[0].photoKeys.map((k) => path.basename(k)).sort());
    expect((await binOf(db, qBin.id)).occupied).toBe(before - 1);
    expect(now.binId).toBeNull();
    if (now.state === "handed_over") {
      expect(outbox[0]).toMatchObject({ type: "item.hand_over", payload: { quarantineDecision: "hand_to_brand", handedTo: "Nike Korea brand protection" } });
    } else {
      expect(now.state).toBe("awaiting_pack");
      expect(outbox.map((e) => e.type)).toEqual(["item.release_quarantine", "item.route_return"]);
    }
  });
  it("a counterfeit confirmed by a senior is listed in quarantine with its reasons named in both languages, then shelved in a quarantine bin", async () => {
    const db = use();
    const { item, inspectionId } = await claimedItem(db, ctxOf(w.inspector), { type: "trade" });
    await addJpeg(db, await tempPhotoStore(), ctxOf(w.inspector), inspectionId);
    await submitVerdict(db, ctxOf(w.inspector), { scanId: scan(), inspectionId, verdict: "fail_counterfeit", reasonCodes: ["FAKE_LOGO"] });
    expect(await itemNow(db, item.id)).toMatchObject({ state: "held" });
    await reviewVerdict(db, ctxOf(w.senior), { scanId: scan(), inspectionId, decision: "confirm", reasonCodes: ["FAKE_LOGO"] });
    expect(await itemNow(db, item.id)).toMatchObject({ state: "quarantined", binId: null });
    const entry = (await listQuarantine(db, w.op)).find((e) => e.itemId === item.id);
    expect(entry).toMatchObject({ verdict: "fail_counterfeit", binCode: null, reasons: [{ code: "FAKE_LOGO", labelEn: "Logo or print not genuine", labelKo: "로고·인쇄 가품" }] });
    await placeInQuarantineBin(db, w.op, { scanId: scan(), itemCode: item.code!, binCode: w.quarantineBins[0].code });
    expect((await listQuarantine(db, w.op)).find((e) => e.itemId === item.id)).toMatchObject({ binCode: w.quarantineBins[0].code });
  });
});

import { beforeAll, expect, it } from "vitest";
import type { ApiCaller } from "@/lib/api/api-clients";
import { reportSale, reportWithdrawal } from "@/lib/orders/item-actions";
import { addParcelToManifest, openManifest } from "@/lib/dispatch/manifests";
import { packItem } from "@/lib/dispatch/packing";
import { submitVerdict } from "@/lib/inspection/submit-verdict";
import type { LabelDocument } from "@/lib/labels/label-document";
import { renderPdf } from "@/lib/labels/render-pdf";
import { renderZpl, zplFontFile } from "@/lib/labels/render-zpl";
import { loadPrintDocument } from "@/lib/printing/print-document";
import { describeEachDb } from "../helpers/databases";
import { pdfPageTexts } from "../helpers/pdf-text";
import { dispatchWorld, marketplaceCaller, pickOne, storedItem, type DispatchWorld } from "./dispatch-fixtures";
import { addJpeg, claimedItem, ctxOf, scan, tempPhotoStore } from "./inspection-fixtures";

/*
 * The papers of a parcel, as the pack and handover stations print them (the print job of each kind):
 * shipping label and packing / return slip in PDF and ZPL with Korean text, and the manifest sheet
 * with its count and one barcode per parcel.
 */
describeEachDb("dispatch documents: label, slips and manifest sheet", (use) => {
  let w: DispatchWorld;
  let caller: ApiCaller;
  beforeAll(async () => {
    w = await dispatchWorld(use());
    caller = await marketplaceCaller(use(), w.center.id);
  });

  const print = (kind: "shipping_label" | "packing_slip" | "manifest", input: unknown) => loadPrintDocument(use(), w.op, kind, input);
  const pdfText = async (doc: LabelDocument) => (await pdfPageTexts(await renderPdf(doc))).join("\n");
  const barcodes = (doc: LabelDocument) => doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === "barcode" ? [b.value] : [])));
  /** The text of every ZPL field drawn in the stored Korean font. */
  const zplKoreanFields = (zpl: string) => [...zpl.matchAll(new RegExp(`\\^A@N,\\d+,\\d+,${zplFontFile.replace(".", "\\.")}[^]*?\\^FD([^^]*)\\^FS`, "g"))].map((m) => m[1]);

  it("a withdrawn item's label and return slip: the seller's Korean name and address, why it comes back, tracking barcode", { timeout: 60_000 }, async () => {
    const db = use();
    const seller = { id: "S-DOC-1", name: "김민지", address: "서울특별시 강남구 테헤란로 152" };
    const item = await storedItem(db, w.bins[0], seller);
    await reportWithdrawal(db, caller, item.id, {});
    await pickOne(db, w.op2, item);
    const { trackingNumber } = (await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "CJ" })).result;

    const label = await print("shipping_label", { trackingNumber });
    expect(barcodes(label)).toEqual([trackingNumber]);
    const labelText = await pdfText(label);
    for (const words of ["CJ Logistics", "반송 RETURN", "받는 분 (판매자)", seller.name, seller.address, trackingNumber, item.code!]) expect(labelText).toContain(words);
    const labelZpl = renderZpl(label);
    expect(labelZpl).toContain("^CI28");
    expect(labelZpl).toMatch(new RegExp(`\\^BC[^\\^]*\\^FH\\^FD${trackingNumber}\\^FS`));
    expect(zplKoreanFields(labelZpl).join("\n")).toContain(seller.name);
    expect(zplKoreanFields(labelZpl).join("\n")).toContain(seller.address);

    const slip = await print("packing_slip", { trackingNumber });
    const slipText = await pdfText(slip);
    for (const words of ["반송 명세서", "Return slip", "판매자 회수 요청", "Withdrawn by the seller", item.code!]) expect(slipText).toContain(words);
    expect(zplKoreanFields(renderZpl(slip)).join("\n")).toContain("판매자 회수 요청 · Withdrawn by the seller");
  });

  it("a failed item's return slip carries the inspection result sheet: verdict, reasons, photo count, note", { timeout: 60_000 }, async () => {
    const db = use();
    const store = await tempPhotoStore();
    const ctx = ctxOf(w.inspector);
    const { item, inspectionId } = await claimedItem(db, ctx, { type: "trade" });
    await addJpeg(db, store, ctx, inspectionId);
    await addJpeg(db, store, ctx, inspectionId);
    await addJpeg(db, store, ctx, inspectionId);
    await submitVerdict(db, ctx, { scanId: scan(), inspectionId, verdict: "fail_used", reasonCodes: ["USED_SOLE"], note: "밑창 마모 심함" });
    const { trackingNumber } = (await packItem(db, w.op, { scanId: scan(), itemId: item.id, carrier: "HANJIN", trackingNumber: `HJ${Date.now()}` })).result;

    const slip = await print("packing_slip", { trackingNumber });
    const fields = slip.pages[0].blocks.flatMap((b) => (b.type === "fields" ? b.fields : []));
    expect(Object.fromEntries(fields.map((f) => [f.label, f.value]))).toMatchObject({
      "판정 Verdict": "중고 · Used",
      "사유 Reasons": "아웃솔 마모·오염 · Worn or dirty outsole",
      "사진 Photos": "3",
      "메모 Note": "밑창 마모 심함",
    });
    const text = await pdfText(slip);
    for (const words of ["검수 불합격 반송", "Returned: failed inspection", "중고 · Used", "아웃솔 마모·오염", "밑창 마모 심함"]) expect(text).toContain(words);
    const zpl = zplKoreanFields(renderZpl(slip)).join("\n");
    expect(zpl).toContain("중고 · Used");
    expect(zpl).toContain("아웃솔 마모·오염 · Worn or dirty outsole");
  });

  it("a buyer's packing slip lists every item of a shared parcel and says nothing of a return", { timeout: 60_000 }, async () => {
    const db = use();
    const buyer = { id: "B-DOC", name: "박서준", address: "부산광역시 해운대구 센텀중앙로 79" };
    const [a, b] = [await storedItem(db, w.bins[1]), await storedItem(db, w.bins[2])];
    for (const item of [a, b]) {
      await reportSale(db, caller, item.id, { buyer });
      await pickOne(db, w.op2, item);
    }
    const { trackingNumber } = (await packItem(db, w.op, { scanId: scan(), itemId: a.id, carrier: "CJ" })).result;
    await packItem(db, w.op, { scanId: scan(), itemId: b.id, carrier: "CJ", trackingNumber });
    const text = await pdfText(await print("packing_slip", { trackingNumber }));
    for (const words of ["포장 명세서", "Packing slip", buyer.name, a.code!, b.code!]) expect(text).toContain(words);
    expect(text).not.toContain("반송");
    const labelText = await pdfText(await print("shipping_label", { trackingNumber }));
    expect(labelText).toContain(buyer.address);
    expect(labelText).toMatch(/수량 Items\s*2/);
  });

  it("the manifest sheet: carrier, count of parcels and items, and a barcode per parcel", { timeout: 60_000 }, async () => {
    const db = use();
    const buyer = { id: "B-MAN", name: "정하늘", address: "대구광역시 중구 동성로 1" };
    const [a, b, c] = [await storedItem(db, w.bins[3]), await storedItem(db, w.bins[3]), await storedItem(db, w.bins[4])];
    for (const item of [a, b, c]) {
      await reportSale(db, caller, item.id, { buyer: item === c ? { ...buyer, id: "B-MAN-2", name: "오지훈" } : buyer });
      await pickOne(db, w.op2, item);
    }
    const first = (await packItem(db, w.op, { scanId: scan(), itemId: a.id, carrier: "CJ" })).result.trackingNumber;
    await packItem(db, w.op, { scanId: scan(), itemId: b.id, carrier: "CJ", trackingNumber: first });
    const second = (await packItem(db, w.op, { scanId: scan(), itemId: c.id, carrier: "CJ" })).result.trackingNumber;
    const manifest = (await openManifest(db, w.op, { scanId: scan(), carrier: "CJ" })).result;
    for (const trackingNumber of [first, second]) await addParcelToManifest(db, w.op, { scanId: scan(), manifestId: manifest.id, trackingNumber });

    const sheet = await print("manifest", { manifestId: manifest.id });
    expect(barcodes(sheet)).toEqual([first, second]);
    const fields = Object.fromEntries(sheet.pages[0].blocks.flatMap((bl) => (bl.type === "fields" ? bl.fields : [])).map((f) => [f.label, f.value]));
    expect(fields).toMatchObject({ "소포 Parcels": "2", "상품 Items": "3" });
    const text = await pdfText(sheet);
    for (const words of ["출고 목록", "CJ Logistics", first, second, "정하늘", "오지훈", "기사 서명"]) expect(text).toContain(words);
  });
});

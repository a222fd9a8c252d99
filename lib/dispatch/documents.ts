import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { centers } from "@/db/schema";
import { DomainError } from "@/lib/errors/domain-error";
import { formatLabelDate } from "@/lib/labels/label-data";
import { labelSizes, type LabelBlock, type LabelDocument } from "@/lib/labels/label-document";
import { findCarrier } from "./carriers";
import { reasonText, verdictText } from "./document-texts";
import type { ManifestView } from "./manifests";
import { loadShipmentViews, type ShipmentView } from "./shipment-view";

type Center = { name: string; timezone: string };

async function centerOf(q: Queryable, centerId: string): Promise<Center> {
  const [center] = await q.select({ name: centers.name, timezone: centers.timezone }).from(centers).where(eq(centers.id, centerId));
  return center ?? { name: "Legit", timezone: "UTC" };
}

/** The shipments packed into one parcel (same tracking number), oldest first. */
export async function loadParcel(q: Queryable, centerId: string, trackingNumber: string): Promise<ShipmentView[]> {
  const views = (await loadShipmentViews(q, centerId, { trackingNumber })).reverse();
  if (views.length === 0) throw new DomainError("not_found:outbound_parcel", `No packed parcel ${trackingNumber} in this center; pack it first.`, { tracking: trackingNumber });
  return views;
}

const recipientLines = (s: ShipmentView) => [s.recipient.name, s.recipient.address ?? "주소 미등록 · No address on file", s.recipient.phone ?? ""].filter(Boolean).join("\n");

/** The shipping label (100 × 150 mm): carrier, tracking barcode, recipient, sender, contents count. */
export async function shippingLabelDocument(q: Queryable, centerId: string, trackingNumber: string): Promise<LabelDocument> {
  const parcel = await loadParcel(q, centerId, trackingNumber);
  const center = await centerOf(q, centerId);
  const first = parcel[0];
  const isReturn = first.destination === "seller";
  const blocks: LabelBlock[] = [
    { type: "title", text: `${findCarrier(first.carrier ?? "CJ").name}${isReturn ? "  ·  반송 RETURN" : ""}`, size: 16 },
    { type: "barcode", value: trackingNumber, heightMm: 22, showValue: true },
    { type: "rule" },
    { type: "text", text: isReturn ? "받는 분 (판매자) · To (seller)" : "받는 분 · To", size: 8 },
    { type: "text", text: recipientLines(first), size: 12, bold: true, maxLines: 4 },
    { type: "rule" },
    { type: "text", text: "보내는 분 · From", size: 8 },
    { type: "text", text: center.name, size: 10 },
    { type: "space", mm: 2 },
    {
      type: "fields",
      columns: 1,
      size: 9,
      fields: [
        { label: "수량 Items", value: String(parcel.length) },
        { label: "주문 Order", value: first.orderExternalId },
        { label: "출고기한 Ship by", value: formatLabelDate(first.shipBy, center.timezone) },
        { label: "상품 Item", value: first.itemCode ?? "" },
      ],
    },
  ];
  return { title: `Shipping label ${trackingNumber}`, pages: [{ size: labelSizes.shipping, marginMm: 4, blocks }] };
}

/**
 * The packing slip that goes in the box: the items; for a return, why it comes back and the
 * inspection result sheet (verdict, reasons, photo count) or the quarantine decision.
 */
export async function packingSlipDocument(q: Queryable, centerId: string, trackingNumber: string): Promise<LabelDocument> {
  const parcel = await loadParcel(q, centerId, trackingNumber);
  const center = await centerOf(q, centerId);
  const first = parcel[0];
  const isReturn = first.destination === "seller";
  const blocks: LabelBlock[] = [
    { type: "title", text: isReturn ? "반송 명세서 · Return slip" : "포장 명세서 · Packing slip", size: 16 },
    { type: "barcode", value: trackingNumber, heightMm: 10, showValue: true },
    {
      type: "fields",
      columns: 2,
      fields: [
        { label: "받는 분 To", value: first.recipient.name },
        { label: "보내는 분 From", value: center.name },
        { label: "주문 Order", value: first.orderExternalId },
        { label: "포장 Packed", value: first.packedAt ? formatLabelDate(first.packedAt, center.timezone) : "—" },
      ],
    },
    {
      type: "table",
      columns: [
        { header: "상품 코드 Item", width: 0.3 },
        { header: "상품 Product", width: 0.55 },
        { header: "사이즈 Size", width: 0.15, align: "right" },
      ],
      rows: parcel.map((s) => [s.itemCode ?? "", s.productName, s.size]),
    },
  ];
  for (const s of parcel) {
    if (s.destination !== "seller") {
      if (s.defectNote) blocks.push({ type: "text", text: `${s.itemCode}: 고지된 하자 · Disclosed defect — ${s.defectNote}`, size: 9 });
      continue;
    }
    blocks.push({ type: "rule" }, { type: "text", text: `${s.itemCode} — ${reasonText[s.reason]}`, size: 10, bold: true });
    if (s.resultSheet) {
      const sheet = s.resultSheet;
      blocks.push({
        type: "fields",
        columns: 1,
        fields: [
          { label: "판정 Verdict", value: verdictText(sheet.verdict) },
          { label: "사유 Reasons", value: sheet.reasons.map((r) => `${r.labelKo} · ${r.labelEn}`).join(", ") || "—" },
          { label: "사진 Photos", value: `${sheet.photoCount}` },
          ...(sheet.note ? [{ label: "메모 Note", value: sheet.note }] : []),
        ],
      });
    }
    if (s.quarantineReason) blocks.push({ type: "text", text: `관리자 결정 · Manager's decision: ${s.quarantineReason}`, size: 9 });
  }
  return { title: `${isReturn ? "Return" : "Packing"} slip ${trackingNumber}`, pages: [{ size: labelSizes.a5, marginMm: 10, blocks }] };
}

/** The manifest sheet the driver signs: carrier, count, and a barcode per parcel. */
export async function manifestDocument(q: Queryable, centerId: string, manifest: ManifestView): Promise<LabelDocument> {
  const center = await centerOf(q, centerId);
  const blocks: LabelBlock[] = [
    { type: "title", text: `출고 목록 · Carrier manifest — ${manifest.carrierName}`, size: 16 },
    {
      type: "fields",
      columns: 2,
      fields: [
        { label: "센터 Center", value: center.name },
        { label: "작성 Opened", value: formatLabelDate(manifest.createdAt, center.timezone) },
        { label: "소포 Parcels", value: String(manifest.parcels.length) },
        { label: "상품 Items", value: String(manifest.itemCount) },
        { label: "상태 Status", value: manifest.status === "closed" ? `마감 Closed ${manifest.closedAt ? formatLabelDate(manifest.closedAt, center.timezone) : ""}` : "진행 중 Open" },
      ],
    },
    { type: "rule" },
  ];
  manifest.parcels.forEach((p, i) => {
    blocks.push(
      { type: "text", text: `${i + 1}. ${p.recipientName} · ${p.destination === "seller" ? "반송 return" : "구매자 buyer"} · ${p.items}`, size: 9 },
      { type: "barcode", value: p.trackingNumber, heightMm: 9, showValue: true },
      { type: "space", mm: 2 },
    );
  });
  blocks.push({ type: "rule" }, { type: "text", text: "기사 서명 · Driver's signature: ____________________    시간 · Time: ________", size: 10 });
  return { title: `Manifest ${manifest.carrierName} ${manifest.parcels.length}`, pages: [{ size: labelSizes.a4, marginMm: 12, blocks }] };
}

import type { Bin } from "@/db/schema";
import { labelSizes, type LabelDocument } from "@/lib/labels/label-document";

const classNames: Record<string, string> = { S: "S · 신발 상자 shoe box", M: "M", L: "L", XL: "XL", Q: "Q · 격리 quarantine" };

/** One 100 × 50 mm label per bin: its code as Code 128 and in large type, zone, class and capacity. */
export function binLabelDocument(zone: { code: string; name: string }, bins: Pick<Bin, "code" | "sizeClass" | "capacity">[]): LabelDocument {
  return {
    title: `Bin labels · zone ${zone.code}`,
    pages: bins.map((bin) => ({
      size: labelSizes.bin,
      blocks: [
        { type: "barcode", value: bin.code, heightMm: 16, showValue: true },
        { type: "text", text: `구역 Zone ${zone.code} · ${zone.name}`, size: 10, bold: true },
        { type: "fields", columns: 2, fields: [{ label: "크기 Size", value: classNames[bin.sizeClass] ?? bin.sizeClass }, { label: "용량 Capacity", value: String(bin.capacity) }] },
      ],
    })),
  };
}

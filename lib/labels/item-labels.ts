import { formatLabelDate, type LabelData } from "./label-data";
import { labelSizes, type LabelDocument } from "./label-document";

/**
 * Item labels (100 × 50 mm, one per unit): Code 128 of the item code, the code in large type, the
 * product's names (Korean first), size, order and receipt date in the center's time zone.
 */
export function itemLabelDocument(labels: LabelData[]): LabelDocument {
  return {
    title: labels.length === 1 ? `Item label ${labels[0].code}` : `Item labels (${labels.length})`,
    pages: labels.map((label) => ({
      size: labelSizes.item,
      marginMm: 3,
      blocks: [
        { type: "barcode", value: label.code, heightMm: 13, showValue: true },
        { type: "text", text: label.productName, size: 10, bold: true, maxLines: label.productNameEn ? 1 : 2 },
        ...(label.productNameEn ? [{ type: "text" as const, text: label.productNameEn, size: 8, maxLines: 1 }] : []),
        {
          type: "fields",
          columns: 2,
          size: 8,
          fields: [
            { label: "Size", value: label.size },
            { label: "Order", value: label.orderExternalId },
          ],
        },
        { type: "text", text: formatLabelDate(label.receivedAt, label.timeZone), size: 7 },
      ],
    })),
  };
}

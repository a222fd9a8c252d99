import { formatLabelDate, type LabelData } from "./label-data";

/**
 * ZPL II for a 100 × 50 mm label at 203 dpi (8 dots/mm): 800 × 400 dots, one ^XA…^XZ per label.
 * Field text goes through ^FH so a stray ^ or ~ in a product name cannot end the field.
 */
export function renderLabelZpl(labels: LabelData[]): string {
  return labels.map(labelZpl).join("\n");
}

function labelZpl(label: LabelData): string {
  // Item codes are digits and capitals only (see item-code.ts): safe in ^FD as they are.
  if (!/^[0-9A-Z]+$/.test(label.code)) throw new Error(`not a printable item code: ${label.code}`);
  return [
    "^XA",
    "^CI28",
    "^PW800",
    "^LL400",
    "^LH0,0",
    // Code 128, 110 dots high, no interpretation line (printed larger below), automatic subsets.
    `^FO40,24^BY3^BCN,110,N,N,N,A^FD${label.code}^FS`,
    `^FO40,146^A0N,44,44^FD${label.code}^FS`,
    `^FO40,200^A0N,30,30^FB720,2,4,L,0^FH^FD${fieldText(label.productName)}^FS`,
    `^FO40,276^A0N,30,30^FB720,1,0,L,0^FH^FDSize ${fieldText(label.size)}   Order ${fieldText(label.orderExternalId)}^FS`,
    `^FO40,320^A0N,26,26^FH^FD${fieldText(formatLabelDate(label.receivedAt, label.timeZone))}^FS`,
    "^PQ1",
    "^XZ",
  ].join("\n");
}

/** Escapes ZPL control characters as ^FH hex (the default escape character is _). */
function fieldText(text: string): string {
  return text.replace(/[\^~_\\]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`).replace(/[\r\n]+/g, " ");
}

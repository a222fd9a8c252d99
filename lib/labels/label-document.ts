/**
 * The one label and slip renderer: describe a label once as a LabelDocument, print it as PDF
 * (`renderPdf` in ./render-pdf) or ZPL (`renderZpl` in ./render-zpl). Korean text prints in both.
 *
 * ```ts
 * import type { LabelDocument } from "@/lib/labels/label-document";
 * import { labelSizes } from "@/lib/labels/label-document";
 * import { renderPdf } from "@/lib/labels/render-pdf";
 * import { renderZpl } from "@/lib/labels/render-zpl";
 *
 * const doc: LabelDocument = {
 *   title: "Bin labels",
 *   pages: bins.map((bin) => ({
 *     size: labelSizes.bin,
 *     blocks: [
 *       { type: "barcode", value: bin.code, heightMm: 16, showValue: true },
 *       { type: "title", text: `구역 ${bin.zone} · Zone ${bin.zone}` },
 *       { type: "fields", columns: 2, fields: [{ label: "Size", value: bin.sizeClass }, { label: "Capacity", value: "12" }] },
 *     ],
 *   })),
 * };
 * const pdf: Buffer = await renderPdf(doc);   // one PDF page per page (more if a table overflows)
 * const zpl: string = renderZpl(doc);         // one ^XA…^XZ per page, UTF-8, ^CI28
 * ```
 *
 * Layout is a column of blocks from the top margin down, full width:
 * - `title`   large bold text (default 14 pt), wraps.
 * - `text`    text of any script; `\n` breaks lines, long lines wrap; `maxLines` clips with "…" (PDF);
 *             `size` in pt (default 9), `bold`, `align`, `mono` (Courier / Zebra font 0: codes only).
 * - `barcode` Code 128 of printable ASCII (`value`), `heightMm` (default 12), `showValue` prints the
 *             value below in large monospace.
 * - `fields`  label/value pairs in `columns` (1–3, default 2): "Label value".
 * - `table`   header + rows for packing slips and manifests; `columns[].width` are fractions of the
 *             width; rows that do not fit continue on a new page of the same size (header repeated).
 * - `rule`    a horizontal line; `space` adds `mm` of empty space.
 * A block that does not fit on the rest of a page starts a new page of the same size.
 * `copies` repeats a page (PDF: repeated pages; ZPL: ^PQ).
 *
 * Sizes are in mm (`labelSizes` has the usual ones); font sizes in pt. Text is never interpreted:
 * ZPL control characters are escaped (^FH), so a product name cannot break out of its field.
 *
 * Fonts: PDFs embed a subset of Pretendard (the `pretendard` npm package, SIL OFL), so only the
 * glyphs used travel in each file (a few KB). ZPL uses the same TTF stored on the printer as
 * E:LEGITKR.TTF: see render-zpl.ts for why and how it gets there (`zplFontDownload`).
 */

export type Align = "left" | "center" | "right";

export type LabelBlock =
  | { type: "title"; text: string; size?: number; align?: Align }
  | { type: "text"; text: string; size?: number; bold?: boolean; mono?: boolean; align?: Align; maxLines?: number }
  | { type: "barcode"; value: string; heightMm?: number; showValue?: boolean }
  | { type: "fields"; fields: { label: string; value: string }[]; columns?: 1 | 2 | 3; size?: number }
  | { type: "table"; columns: { header: string; width: number; align?: Align }[]; rows: string[][]; size?: number }
  | { type: "rule" }
  | { type: "space"; mm: number };

export type LabelSize = { widthMm: number; heightMm: number };

export type LabelPage = {
  size: LabelSize;
  /** Default 4 mm on every side (10 mm for A4/A5 sheets is a good choice for slips). */
  marginMm?: number;
  blocks: LabelBlock[];
  /** Print this page n times (default 1). */
  copies?: number;
};

export type LabelDocument = {
  /** The PDF's title (shown in the print dialog). */
  title: string;
  pages: LabelPage[];
};

/** Usual sizes: thermal labels (item, bin: 100 × 50; shipping: 100 × 150) and sheets for slips. */
export const labelSizes = {
  item: { widthMm: 100, heightMm: 50 },
  bin: { widthMm: 100, heightMm: 50 },
  shipping: { widthMm: 100, heightMm: 150 },
  a6: { widthMm: 105, heightMm: 148 },
  a5: { widthMm: 148, heightMm: 210 },
  a4: { widthMm: 210, heightMm: 297 },
} as const satisfies Record<string, LabelSize>;

export const defaultTextSize = 9;
export const defaultTitleSize = 14;
export const defaultMarginMm = 4;

/** Code 128 carries printable ASCII only; anything else is a programming error, not user input. */
export function assertBarcodeValue(value: string): void {
  if (!/^[\x20-\x7e]{1,80}$/.test(value)) throw new Error(`not a Code 128 value: ${JSON.stringify(value)}`);
}

/** The pages as printed: each page `copies` times. */
export function expandCopies(doc: LabelDocument): LabelPage[] {
  if (doc.pages.length === 0) throw new Error("no labels to render");
  return doc.pages.flatMap((page) => Array.from({ length: Math.max(1, page.copies ?? 1) }, () => page));
}

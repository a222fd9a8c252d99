import {
  assertBarcodeValue,
  defaultMarginMm,
  defaultTextSize,
  defaultTitleSize,
  type Align,
  type LabelDocument,
  type LabelPage,
} from "./label-document";
import { labelFont } from "./label-fonts";

/**
 * Korean on a Zebra printer: `^CI28` makes field data UTF-8, and text is drawn with `^A@` in a
 * TrueType font *stored on the printer* (E:LEGITKR.TTF, Pretendard Regular, ~2.7 MB).
 * Why stored, not sent with each label: a Hangul TTF is megabytes, so downloading it with every
 * label would take seconds per label and wear the printer's flash; Zebra's resident fonts (0, A–H)
 * have no Hangul, and its optional Asian fonts are not on a standard printer. So Legit sends the
 * font once per printer (`zplFontDownload`, `~DY`, binary) before its first job, and remembers it
 * (see lib/printing). Codes (barcode values shown as text) use the resident font 0.
 */
export const zplFontFile = "E:LEGITKR.TTF";

/** `~DY` that stores the label font on the printer as E:LEGITKR.TTF (binary, sent once). */
export function zplFontDownload(): Buffer {
  const font = labelFont("regular");
  return Buffer.concat([Buffer.from(`~DYE:LEGITKR,B,T,${font.length},,`, "latin1"), font, Buffer.from("\n", "latin1")]);
}

export type ZplOptions = {
  /** 8 for 203 dpi printers (default), 12 for 300 dpi. */
  dotsPerMm?: number;
};

/** ZPL II of the document (see label-document.ts): one ^XA…^XZ per page, UTF-8. */
export function renderZpl(doc: LabelDocument, options: ZplOptions = {}): string {
  if (doc.pages.length === 0) throw new Error("no labels to render");
  const dpmm = options.dotsPerMm ?? 8;
  return doc.pages.flatMap((page) => pageZpl(page, dpmm)).join("\n");
}

function pageZpl(page: LabelPage, dpmm: number): string[] {
  const dots = (mm: number) => Math.round(mm * dpmm);
  const ptDots = (pt: number) => Math.max(10, Math.round((pt * 25.4 * dpmm) / 72));
  const margin = dots(page.marginMm ?? defaultMarginMm);
  const pageW = dots(page.size.widthMm);
  const pageH = dots(page.size.heightMm);
  const width = pageW - 2 * margin;
  const bottom = pageH - margin;
  const gap = dots(1);
  const copies = Math.max(1, Math.floor(page.copies ?? 1));
  const labels: string[] = [];
  let lines: string[] = [];
  let y = margin;
  const newPage = () => {
    if (lines.length) labels.push([...lines, `^PQ${copies}`, "^XZ"].join("\n"));
    lines = ["^XA", "^CI28", `^PW${pageW}`, `^LL${pageH}`, "^LH0,0"];
    y = margin;
  };
  const fit = (height: number) => {
    if (y + height > bottom && y > margin) newPage();
  };
  /** A text field wrapped by the printer in `w` dots, at most `maxLines`; returns its height. */
  const field = (s: string, x: number, w: number, h: number, maxLines: number, align: Align = "left", mono = false) => {
    const spacing = Math.round(h * 0.15);
    const n = Math.max(1, Math.min(maxLines, estimateLines(s, w, h)));
    const font = mono && /^[\x20-\x7e\n]*$/.test(s) ? `^A0N,${h},${Math.round(h * 0.8)}` : `^A@N,${h},${h},${zplFontFile}`;
    lines.push(`^FO${x},${y}${font}^FB${w},${n},${spacing},${justify[align]},0^FH^FD${fieldText(s)}^FS`);
    return n * (h + spacing);
  };

  newPage();
  for (const block of page.blocks) {
    switch (block.type) {
      case "title":
      case "text": {
        const h = ptDots(block.size ?? (block.type === "title" ? defaultTitleSize : defaultTextSize));
        const maxLines = (block.type === "text" && block.maxLines) || 50;
        const height = Math.min(maxLines, estimateLines(block.text, width, h)) * Math.round(h * 1.15);
        fit(height);
        const room = Math.max(1, Math.floor((bottom - y) / Math.round(h * 1.15)));
        y += field(block.text, margin, width, h, Math.min(maxLines, room), block.align, block.type === "text" && block.mono) + gap;
        break;
      }
      case "barcode": {
        assertBarcodeValue(block.value);
        const h = dots(block.heightMm ?? 12);
        const valueH = Math.min(ptDots(15), Math.floor(width / (block.value.length * 0.75)));
        fit(h + (block.showValue ? valueH + gap : 0));
        // Code 128 with automatic subsets: ~11 modules per character plus start, check and stop.
        const modules = 11 * (block.value.length + 3) + 2;
        const moduleWidth = Math.max(1, Math.min(4, Math.floor(width / modules)));
        const x = margin + Math.max(0, Math.floor((width - modules * moduleWidth) / 2));
        lines.push(`^FO${x},${y}^BY${moduleWidth},3,${h}^BCN,${h},N,N,N,A^FH^FD${fieldText(block.value)}^FS`);
        y += h + gap;
        if (block.showValue) y += field(block.value, margin, width, valueH, 1, "center", true) + gap;
        break;
      }
      case "fields": {
        const columns = block.columns ?? 2;
        const h = ptDots(block.size ?? defaultTextSize);
        const colW = Math.floor(width / columns);
        for (let i = 0; i < block.fields.length; i += columns) {
          fit(Math.round(h * 1.3));
          block.fields.slice(i, i + columns).forEach((f, c) => {
            field(f.label ? `${f.label} ${f.value}` : f.value, margin + c * colW, colW - dots(1), h, 1);
          });
          y += Math.round(h * 1.3);
        }
        y += gap;
        break;
      }
      case "table": {
        const h = ptDots(block.size ?? defaultTextSize);
        const total = block.columns.reduce((s, c) => s + c.width, 0) || 1;
        const widths = block.columns.map((c) => Math.floor((c.width / total) * width));
        const xs = widths.map((_, c) => margin + widths.slice(0, c).reduce((s, w) => s + w, 0));
        const rowHeight = (cells: string[]) => Math.max(...cells.map((cell, c) => estimateLines(cell ?? "", widths[c] - 4, h))) * Math.round(h * 1.15);
        const row = (cells: string[]) => {
          const height = rowHeight(cells);
          cells.forEach((cell, c) => field(cell ?? "", xs[c], widths[c] - 4, h, 10, block.columns[c]?.align));
          y += height + 2;
        };
        const header = () => {
          fit(rowHeight(block.columns.map((c) => c.header)) + 4);
          row(block.columns.map((c) => c.header));
          lines.push(`^FO${margin},${y}^GB${width},2,2^FS`);
          y += 4;
        };
        header();
        for (const cells of block.rows) {
          if (y + rowHeight(cells) > bottom) {
            newPage();
            header();
          }
          row(cells);
        }
        y += gap;
        break;
      }
      case "rule":
        fit(gap);
        lines.push(`^FO${margin},${y}^GB${width},2,2^FS`);
        y += gap + 2;
        break;
      case "space":
        y = Math.min(bottom, y + dots(block.mm));
        break;
      default:
        throw new Error(`unknown label block ${JSON.stringify(block satisfies never)}`);
    }
  }
  newPage();
  return labels;
}

const justify: Record<Align, string> = { left: "L", center: "C", right: "R" };

/** Lines the printer will need: Hangul/CJK about one em wide, other characters about 0.55 em. */
function estimateLines(text: string, width: number, h: number): number {
  return text.split("\n").reduce((sum, line) => {
    let w = 0;
    for (const ch of line) w += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7a3\uff00-\uffef]/.test(ch) ? h * 0.95 : h * 0.55;
    return sum + Math.max(1, Math.ceil(w / Math.max(1, width)));
  }, 0);
}

/**
 * Field data escaped for ^FH (escape character _): ^ ~ _ \ become _XX hex bytes so a value cannot
 * end its field; a line break becomes ^FB's `\&`. UTF-8 (^CI28) passes through as is.
 */
function fieldText(text: string): string {
  return text
    .replace(/[\^~_\\]/g, (c) => `_${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, " ")
    .replace(/\r?\n/g, "\\&");
}

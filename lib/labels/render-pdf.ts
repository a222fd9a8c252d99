import bwipjs from "bwip-js/node";
import PDFDocument from "pdfkit";
import {
  assertBarcodeValue,
  defaultMarginMm,
  defaultTextSize,
  defaultTitleSize,
  expandCopies,
  type Align,
  type LabelDocument,
  type LabelPage,
} from "./label-document";
import { labelFont } from "./label-fonts";

const mm = 72 / 25.4;
const gap = 1 * mm;

/** A PDF of the document (see label-document.ts), Korean text in an embedded Pretendard subset. */
export async function renderPdf(doc: LabelDocument): Promise<Buffer> {
  const pages = expandCopies(doc);
  const barcodes = new Map<string, Buffer>();
  for (const block of pages.flatMap((p) => p.blocks)) {
    if (block.type === "barcode" && !barcodes.has(block.value)) {
      assertBarcodeValue(block.value);
      barcodes.set(block.value, await barcodePng(block.value));
    }
  }
  const pdf = new PDFDocument({ autoFirstPage: false, info: { Title: doc.title, Producer: "Legit" } });
  pdf.registerFont("regular", labelFont("regular"));
  pdf.registerFont("bold", labelFont("bold"));
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  for (const page of pages) writePage(pdf, page, barcodes);
  pdf.end();
  return done;
}

function writePage(pdf: PDFKit.PDFDocument, page: LabelPage, barcodes: Map<string, Buffer>) {
  const margin = (page.marginMm ?? defaultMarginMm) * mm;
  const size: [number, number] = [page.size.widthMm * mm, page.size.heightMm * mm];
  const width = size[0] - 2 * margin;
  const bottom = size[1] - margin;
  let y = margin;
  const newPage = () => {
    pdf.addPage({ size, margin });
    y = margin;
  };
  /** Starts a new page unless `height` fits (or the page is still empty). */
  const fit = (height: number) => {
    if (y + height > bottom + 0.01 && y > margin) newPage();
  };
  const text = (s: string, x: number, w: number, h: number, opts: { align?: Align; lineGap?: number } = {}) => {
    // An explicit height keeps pdfkit from adding pages on its own; the last line gets "…".
    pdf.text(s, x, y, { width: w, height: Math.max(h, 1), ellipsis: true, align: opts.align ?? "left", lineGap: opts.lineGap ?? 0 });
  };

  newPage();
  for (const block of page.blocks) {
    switch (block.type) {
      case "title":
      case "text": {
        const size = block.size ?? (block.type === "title" ? defaultTitleSize : defaultTextSize);
        const bold = block.type === "title" || ("bold" in block && block.bold);
        const mono = block.type === "text" && block.mono && /^[\x20-\x7e\n]*$/.test(block.text);
        pdf.font(mono ? (bold ? "Courier-Bold" : "Courier") : bold ? "bold" : "regular").fontSize(size);
        const lineGap = size * 0.1;
        const lineHeight = pdf.currentLineHeight(true) + lineGap;
        let height = pdf.heightOfString(block.text, { width, lineGap });
        if (block.type === "text" && block.maxLines) height = Math.min(height, block.maxLines * lineHeight);
        fit(height);
        height = Math.min(height, bottom - y);
        text(block.text, margin, width, height, { align: block.align, lineGap });
        y += height + gap;
        break;
      }
      case "barcode": {
        const height = (block.heightMm ?? 12) * mm;
        const valueSize = Math.min(15, width / (block.value.length * 0.62));
        fit(height + (block.showValue ? valueSize * 1.2 : 0));
        pdf.image(barcodes.get(block.value)!, margin, y, { fit: [width, height], align: "center", valign: "center" });
        y += height + gap;
        if (block.showValue) {
          pdf.font("Courier-Bold").fontSize(valueSize);
          text(block.value, margin, width, valueSize * 1.2, { align: "center" });
          y += valueSize * 1.2 + gap;
        }
        break;
      }
      case "fields": {
        const columns = block.columns ?? 2;
        const size = block.size ?? defaultTextSize;
        const colWidth = width / columns;
        const lineHeight = size * 1.3;
        for (let i = 0; i < block.fields.length; i += columns) {
          fit(lineHeight);
          block.fields.slice(i, i + columns).forEach((field, c) => {
            const x = margin + c * colWidth;
            pdf.font("regular").fontSize(size);
            const label = field.label ? `${field.label} ` : "";
            const labelWidth = Math.min(pdf.widthOfString(label), colWidth / 2);
            text(label, x, labelWidth + 1, lineHeight);
            pdf.font("bold");
            text(field.value, x + labelWidth, colWidth - labelWidth - 2, lineHeight);
          });
          y += lineHeight;
        }
        y += gap;
        break;
      }
      case "table": {
        const size = block.size ?? defaultTextSize;
        const total = block.columns.reduce((s, c) => s + c.width, 0) || 1;
        const xs: number[] = [];
        const widths = block.columns.map((c) => (c.width / total) * width);
        widths.reduce((x, w) => (xs.push(x), x + w), margin);
        const row = (cells: string[], font: "regular" | "bold") => {
          pdf.font(font).fontSize(size);
          const height = Math.max(size * 1.25, ...cells.map((cell, c) => pdf.heightOfString(cell ?? "", { width: widths[c] - 3 })));
          return { height, draw: () => cells.forEach((cell, c) => text(cell ?? "", xs[c], widths[c] - 3, height, { align: block.columns[c]?.align })) };
        };
        const header = () => {
          const h = row(block.columns.map((c) => c.header), "bold");
          fit(h.height + 2);
          h.draw();
          y += h.height;
          pdf.moveTo(margin, y).lineTo(margin + width, y).lineWidth(0.7).stroke();
          y += 2;
        };
        header();
        for (const cells of block.rows) {
          const r = row(cells, "regular");
          if (y + r.height > bottom) {
            newPage();
            header();
          }
          pdf.font("regular").fontSize(size);
          r.draw();
          y += r.height + 1;
        }
        y += gap;
        break;
      }
      case "rule":
        fit(gap);
        pdf.moveTo(margin, y + gap / 2).lineTo(margin + width, y + gap / 2).lineWidth(0.7).stroke();
        y += gap * 1.5;
        break;
      case "space":
        y = Math.min(bottom, y + block.mm * mm);
        break;
      default:
        unreachable(block);
    }
  }
}

function unreachable(block: never): never {
  throw new Error(`unknown label block ${JSON.stringify(block)}`);
}

function barcodePng(value: string): Promise<Buffer> {
  // Crisp bars: an integer module scale, rendered large and scaled down into the PDF.
  return bwipjs.toBuffer({ bcid: "code128", text: value, scale: 4, height: 12, includetext: false, paddingwidth: 10 });
}

import bwipjs from "bwip-js/node";
import PDFDocument from "pdfkit";
import { formatLabelDate, type LabelData } from "./label-data";

const mm = 72 / 25.4;
const pageSize: [number, number] = [100 * mm, 50 * mm];
const margin = 4 * mm;

/**
 * A PDF with one 100 × 50 mm page per label, for an office or label printer: Code 128 barcode,
 * the code in large type, product, size, order and receipt date in the center's time zone.
 * Standard PDF fonts only (no Korean glyphs): LabelData.productName is already Latin.
 */
export async function renderLabelPdf(labels: LabelData[]): Promise<Buffer> {
  if (labels.length === 0) throw new Error("no labels to render");
  const barcodes = await Promise.all(labels.map((l) => barcodePng(l.code)));
  const doc = new PDFDocument({ size: pageSize, margin, autoFirstPage: false, info: { Title: "Item labels", Producer: "Legit" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = pageSize[0] - 2 * margin;
  labels.forEach((label, i) => {
    doc.addPage();
    doc.image(barcodes[i], margin, margin, { fit: [width, 15 * mm], align: "center" });
    let y = margin + 16 * mm;
    doc.font("Courier-Bold").fontSize(15).text(label.code, margin, y, { width, align: "center", lineBreak: false });
    y += 6.5 * mm;
    doc.font("Helvetica-Bold").fontSize(9).text(label.productName, margin, y, { width, height: 8 * mm, ellipsis: true });
    y += 9 * mm;
    doc.font("Helvetica").fontSize(9);
    doc.text(`Size ${label.size}`, margin, y, { width: width / 2, lineBreak: false });
    doc.text(`Order ${label.orderExternalId}`, margin + width / 3, y, { width: (2 * width) / 3, align: "right", lineBreak: false });
    y += 4.5 * mm;
    doc.fontSize(8).text(formatLabelDate(label.receivedAt, label.timeZone), margin, y, { width, lineBreak: false });
  });
  doc.end();
  return done;
}

function barcodePng(code: string): Promise<Buffer> {
  // Crisp bars: an integer module scale, rendered large and scaled down into the PDF.
  return bwipjs.toBuffer({ bcid: "code128", text: code, scale: 4, height: 12, includetext: false, paddingwidth: 10 });
}

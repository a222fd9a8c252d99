import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateItemCode } from "@/lib/receiving/item-code";
import { formatLabelDate, labelProductName, type LabelData } from "./label-data";
import { renderLabelPdf } from "./render-label-pdf";
import { renderLabelZpl } from "./render-label-zpl";

const labels: LabelData[] = [
  {
    code: generateItemCode(),
    productName: "Nike Dunk Low Retro White Black",
    size: "270",
    orderExternalId: "ORD-1001",
    receivedAt: "2025-03-06T23:30:00Z",
    timeZone: "Asia/Seoul",
  },
  {
    code: generateItemCode(),
    productName: "Weird ^name~ with_controls",
    size: "M",
    orderExternalId: "ORD-1002",
    receivedAt: "2025-03-07T01:00:00Z",
    timeZone: "Europe/Berlin",
  },
  { code: generateItemCode(), productName: "Bag", size: "OS", orderExternalId: "ORD-1003", receivedAt: "2025-03-07T01:00:00Z", timeZone: "UTC" },
];

/** Text shown on each page: the content streams, inflated, with pdfkit's hex-encoded strings decoded. */
function pageTexts(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const streams: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    try {
      const raw = inflateSync(pdf.subarray(start, end)).toString("latin1");
      if (raw.includes("BT")) {
        streams.push(raw.replace(/<([0-9a-f]+)>/gi, (_, hex: string) => Buffer.from(hex, "hex").toString("latin1")));
      }
    } catch {
      // not a deflated stream (e.g. image data)
    }
  }
  return streams;
}

describe("label rendering", () => {
  it("renders a PDF with one 100 × 50 mm page per label, each with a barcode image and the label text", async () => {
    const pdf = await renderLabelPdf(labels);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdf.toString("latin1");
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(labels.length);
    expect(text).toMatch(/\/MediaBox \[0 0 283\.46\d* 141\.73\d*\]/);
    expect(text.match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(labels.length);
    const pages = pageTexts(pdf);
    expect(pages).toHaveLength(labels.length);
    pages.forEach((page, i) => {
      expect(page).toContain(labels[i].code);
      expect(page).toContain(`Order ${labels[i].orderExternalId}`);
    });
    // 2025-03-06T23:30Z is already the 7th in Seoul.
    expect(pages[0]).toContain("2025-03-07 08:30");
  });

  it("refuses to render an empty PDF", async () => {
    await expect(renderLabelPdf([])).rejects.toThrow();
  });

  it("renders one ^XA … ^BC … code … ^XZ block per label in ZPL", () => {
    const zpl = renderLabelZpl(labels);
    const blocks = zpl.match(/\^XA[\s\S]*?\^XZ/g) ?? [];
    expect(blocks).toHaveLength(labels.length);
    blocks.forEach((block, i) => {
      expect(block).toMatch(new RegExp(`\\^BC[^\\^]*\\^FD${labels[i].code}\\^FS`));
      expect(block).toContain(`Order ${labels[i].orderExternalId}`);
    });
    expect(blocks[0]).toContain("2025-03-07 08:30");
    expect(blocks[1]).toContain("2025-03-07 02:00");
    // Control characters in text cannot break out of their field.
    expect(blocks[1]).toContain("Weird _5Ename_7E with_5Fcontrols");
    expect(blocks[1]).not.toMatch(/\^name|name~/);
  });

  it("refuses to put anything but an item code into a ZPL barcode", () => {
    expect(() => renderLabelZpl([{ ...labels[0], code: "IT^XZ" }])).toThrow();
  });

  it("prints a Latin product name: the catalogue's English name, or the SKU for a Korean-only name", () => {
    expect(labelProductName({ productName: "나이키 덩크 로우", sku: "DD1391-100" }, "Nike Dunk Low")).toBe("Nike Dunk Low");
    expect(labelProductName({ productName: "나이키 덩크 로우", sku: "DD1391-100" }, null)).toBe("DD1391-100");
    expect(labelProductName({ productName: "Nike Dunk Low 한정판", sku: "X" })).toBe("Nike Dunk Low");
    expect(labelProductName({ productName: "Café Racer Jacket", sku: "X" })).toBe("Café Racer Jacket");
  });

  it("formats the date in the center's time zone", () => {
    expect(formatLabelDate("2025-12-31T15:30:00Z", "Asia/Seoul")).toBe("2026-01-01 00:30");
    expect(formatLabelDate("2025-12-31T15:30:00Z", "America/New_York")).toBe("2025-12-31 10:30");
  });
});

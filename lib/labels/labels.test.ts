import { describe, expect, it } from "vitest";
import { generateItemCode } from "@/lib/scan-codes/item-code";
import { pdfPageTexts } from "@/tests/helpers/pdf-text";
import { formatLabelDate, labelProductNames, type LabelData } from "./label-data";
import { labelSizes, type LabelDocument } from "./label-document";
import { renderLabelPdf } from "./render-label-pdf";
import { renderLabelZpl } from "./render-label-zpl";
import { renderPdf } from "./render-pdf";
import { renderZpl, zplFontDownload, zplFontFile } from "./render-zpl";

const labels: LabelData[] = [
  {
    code: generateItemCode(),
    productName: "나이키 덩크 로우 레트로 화이트 블랙",
    productNameEn: "Nike Dunk Low Retro White Black",
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
  { code: generateItemCode(), productName: "구찌 마몬트 숄더백", size: "OS", orderExternalId: "ORD-1003", receivedAt: "2025-03-07T01:00:00Z", timeZone: "UTC" },
];

describe("item labels", { timeout: 30_000 }, () => {
  it("renders a PDF with one 100 × 50 mm page per label whose text (as a reader extracts it) has the Korean name", async () => {
    const pdf = await renderLabelPdf(labels);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/MediaBox \[0 0 283\.46\d* 141\.73\d*\]/);
    expect(raw.match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(labels.length);
    // The font travels as a subset: the whole label file stays small.
    expect(pdf.length).toBeLessThan(80_000);
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(labels.length);
    pages.forEach((page, i) => {
      expect(page).toContain(labels[i].code);
      expect(page).toContain(labels[i].orderExternalId);
    });
    expect(pages[0]).toContain("나이키 덩크 로우 레트로 화이트 블랙");
    expect(pages[0]).toContain("Nike Dunk Low Retro White Black");
    expect(pages[2]).toContain("구찌 마몬트 숄더백");
    // 2025-03-06T23:30Z is already the 7th in Seoul.
    expect(pages[0]).toContain("2025-03-07 08:30");
  });

  it("refuses to render an empty document", async () => {
    await expect(renderLabelPdf([])).rejects.toThrow();
    expect(() => renderLabelZpl([])).toThrow();
  });

  it("renders one ^XA … ^XZ block per label in ZPL: UTF-8 (^CI28), Korean in the stored TrueType font, barcode of the code", () => {
    const zpl = renderLabelZpl(labels);
    const blocks = zpl.match(/\^XA[\s\S]*?\^XZ/g) ?? [];
    expect(blocks).toHaveLength(labels.length);
    blocks.forEach((block, i) => {
      expect(block).toContain("^CI28");
      expect(block).toMatch(new RegExp(`\\^BC[^\\^]*\\^FH\\^FD${labels[i].code}\\^FS`));
      expect(block).toContain(`Order ${labels[i].orderExternalId}`);
    });
    expect(blocks[0]).toMatch(new RegExp(`\\^A@N,\\d+,\\d+,${zplFontFile.replace(".", "\\.")}\\^FB[^\\^]*\\^FH\\^FD나이키 덩크 로우 레트로 화이트 블랙\\^FS`));
    expect(blocks[0]).toContain("2025-03-07 08:30");
    expect(blocks[1]).toContain("2025-03-07 02:00");
    // Control characters in text cannot break out of their field.
    expect(blocks[1]).toContain("Weird _5Ename_7E with_5Fcontrols");
    expect(blocks[1]).not.toMatch(/\^name|name~/);
  });

  it("refuses anything but printable ASCII in a barcode", async () => {
    expect(() => renderLabelZpl([{ ...labels[0], code: "IT코드" }])).toThrow();
    await expect(renderLabelPdf([{ ...labels[0], code: "IT\u0001" }])).rejects.toThrow();
  });

  it("prints the catalogue's Korean name, the announced name when the SKU is unknown, the SKU only when nameless", () => {
    expect(labelProductNames({ productName: "Nike Dunk Low", sku: "DD1391-100" }, { nameKo: "나이키 덩크 로우", nameEn: "Nike Dunk Low" })).toEqual({
      productName: "나이키 덩크 로우",
      productNameEn: "Nike Dunk Low",
    });
    expect(labelProductNames({ productName: "에어 조던 1", sku: "X-1" }, null)).toEqual({ productName: "에어 조던 1", productNameEn: null });
    expect(labelProductNames({ productName: " ", sku: "X-1" })).toEqual({ productName: "X-1", productNameEn: null });
  });

  it("formats the date in the center's time zone", () => {
    expect(formatLabelDate("2025-12-31T15:30:00Z", "Asia/Seoul")).toBe("2026-01-01 00:30");
    expect(formatLabelDate("2025-12-31T15:30:00Z", "America/New_York")).toBe("2025-12-31 10:30");
  });
});

describe("the generic label renderer", { timeout: 30_000 }, () => {
  const slip: LabelDocument = {
    title: "Packing slip",
    pages: [
      {
        size: labelSizes.a6,
        marginMm: 6,
        copies: 2,
        blocks: [
          { type: "title", text: "반품 안내 · Return slip" },
          { type: "text", text: "서울특별시 강남구 테헤란로 1\n홍길동 귀하" },
          { type: "barcode", value: "CJ1234567890", showValue: true },
          { type: "fields", columns: 3, fields: [{ label: "Parcels", value: "1" }, { label: "Weight", value: "2 kg" }, { label: "Carrier", value: "CJ" }] },
          { type: "rule" },
          {
            type: "table",
            columns: [{ header: "상품 Item", width: 3 }, { header: "Qty", width: 1, align: "right" }],
            rows: Array.from({ length: 40 }, (_, i) => [`상품 ${i + 1} Product`, String(i + 1)]),
          },
          { type: "space", mm: 2 },
          { type: "text", text: "끝 End", mono: false },
        ],
      },
    ],
  };

  it("flows a long table onto further pages of the same size (header repeated), copies repeated, in PDF", async () => {
    const pages = await pdfPageTexts(await renderPdf(slip));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.length % 2).toBe(0);
    const first = pages.slice(0, pages.length / 2).join(" ");
    expect(first).toContain("반품 안내 · Return slip");
    expect(first).toContain("홍길동 귀하");
    expect(first).toContain("CJ1234567890");
    for (let i = 1; i <= 40; i++) expect(first).toContain(`상품 ${i} Product`);
    expect(first).toContain("끝 End");
    expect(pages[1]).toContain("상품 Item");
  });

  it("does the same in ZPL, with ^PQ for copies and line breaks as \\&", () => {
    const zpl = renderZpl(slip);
    const blocks = zpl.match(/\^XA[\s\S]*?\^XZ/g) ?? [];
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    blocks.forEach((b) => expect(b).toContain("^PQ2"));
    expect(zpl).toContain("서울특별시 강남구 테헤란로 1\\&홍길동 귀하");
    expect(zpl).toContain("^FD상품 40 Product^FS");
    expect(zpl).toMatch(/\^PW840\n\^LL1184/);
  });

  it("stores the label font on the printer with one binary ~DY", () => {
    const download = zplFontDownload();
    const header = download.subarray(0, 40).toString("latin1");
    const match = /^~DYE:LEGITKR,B,T,(\d+),,/.exec(header)!;
    expect(match).not.toBeNull();
    const size = Number(match[1]);
    // A TrueType font follows, exactly as long as announced.
    expect(download.subarray(match[0].length, match[0].length + 4).toString("hex")).toBe("00010000");
    expect(download.length).toBe(match[0].length + size + 1);
  });
});

import { describe, expect, it } from "vitest";
import { binCount, binLayoutSchema, layoutBins, pathOrder } from "./bin-layout";

const layout = (over = {}) =>
  binLayoutSchema.parse({ zoneCode: "d", aisles: { from: 1, to: 2 }, racks: { from: 1, to: 3 }, levels: { from: 1, to: 2 }, sizeClass: "M", capacity: 4, ...over });

describe("bin layout", () => {
  it("names bins as DESIGN.md does and walks aisles as a serpentine", () => {
    const bins = layoutBins(layout());
    expect(bins).toHaveLength(12);
    expect(binCount(layout())).toBe(12);
    expect(bins.slice(0, 3).map((b) => b.code)).toEqual(["BIN-D-01-01-1", "BIN-D-01-01-2", "BIN-D-01-02-1"]);
    // Aisle 2 is walked back from its last rack.
    expect(bins[6].code).toBe("BIN-D-02-03-1");
  });
  it("refuses reversed ranges, unknown classes and too many bins", () => {
    expect(binLayoutSchema.safeParse({ ...layout(), aisles: { from: 3, to: 1 } }).success).toBe(false);
    expect(binLayoutSchema.safeParse({ ...layout(), sizeClass: "XXL" }).success).toBe(false);
    expect(binLayoutSchema.safeParse({ ...layout(), aisles: { from: 1, to: 99 }, racks: { from: 1, to: 99 } }).success).toBe(false);
    expect(binLayoutSchema.safeParse({ ...layout(), sizeClass: "Q" }).success).toBe(true);
  });
  it("re-orders existing codes straight or serpentine", () => {
    const codes = ["BIN-A-02-01-1", "BIN-A-01-02-1", "BIN-A-02-02-1", "BIN-A-01-01-1"];
    expect(pathOrder(codes, "straight")).toEqual(["BIN-A-01-01-1", "BIN-A-01-02-1", "BIN-A-02-01-1", "BIN-A-02-02-1"]);
    expect(pathOrder(codes, "serpentine")).toEqual(["BIN-A-01-01-1", "BIN-A-01-02-1", "BIN-A-02-02-1", "BIN-A-02-01-1"]);
  });
});

describe("bin labels", () => {
  it("make one bin-sized page per bin with its code as a barcode", async () => {
    const { binLabelDocument } = await import("./bin-labels");
    const doc = binLabelDocument({ code: "A", name: "신발" }, [
      { code: "BIN-A-01-01-1", sizeClass: "S", capacity: 6 },
      { code: "BIN-A-01-01-2", sizeClass: "Q", capacity: 2 },
    ]);
    expect(doc.pages).toHaveLength(2);
    expect(doc.pages[1].blocks[0]).toEqual({ type: "barcode", value: "BIN-A-01-01-2", heightMm: 16, showValue: true });
    const { renderZpl } = await import("@/lib/labels/render-zpl");
    const zpl = renderZpl(doc);
    expect(zpl.match(/\^XA/g)).toHaveLength(2);
    expect(zpl).toContain("BIN-A-01-01-1");
    // The same document as PDF: one page per bin.
    const { renderPdf } = await import("@/lib/labels/render-pdf");
    const pdf = Buffer.from(await renderPdf(doc)).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
  });
});

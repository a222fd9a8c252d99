import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { itemEvents, stationPrinters } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { renderPdf } from "@/lib/labels/render-pdf";
import { renderZpl, zplFontDownload } from "@/lib/labels/render-zpl";
import { loadPrintDocument, printDocument } from "@/lib/printing/print-document";
import { removeStationPrinter, setStationPrinter } from "@/lib/printing/station-printers";
import { receiveUnit } from "@/lib/receiving/receive-unit";
import { scanParcel } from "@/lib/receiving/scan-parcel";
import { describeEachDb } from "../helpers/databases";
import { createCenter } from "../helpers/fixtures";
import { pdfPageTexts } from "../helpers/pdf-text";
import { createAnnouncedOrder, scanId, staffContext } from "../helpers/receiving-fixtures";
import { closedPort, startTestPrinter } from "../helpers/test-printer";

describeEachDb("printing at a station", (use) => {
  let operator: StaffContext;
  let manager: StaffContext;
  let printer: Awaited<ReturnType<typeof startTestPrinter>>;
  beforeAll(async () => {
    const center = await createCenter(use());
    operator = await staffContext(use(), center.id, "operator", "RCV-07");
    manager = await staffContext(use(), center.id, "manager", "DESK");
    printer = await startTestPrinter();
  });
  afterAll(() => printer.close());

  /** A received unit of a product the catalogue does not know, announced with a Korean name only. */
  async function receivedKoreanUnit() {
    const db = use();
    const { order, items: [unit] } = await createAnnouncedOrder(db, operator.centerId, { units: [{ sku: `KR-${scanId()}`, productName: "무신사 스탠다드 캐시미어 코트" }] });
    const { result } = await scanParcel(db, operator, { scanId: scanId(), trackingNumber: order.trackingNumber! });
    await receiveUnit(db, operator, { scanId: scanId(), parcelId: result.parcel.id, itemId: unit.id });
    return unit.id;
  }
  const labelEvents = (itemId: string) =>
    use()
      .select()
      .from(itemEvents)
      .where(and(eq(itemEvents.itemId, itemId), inArray(itemEvents.action, ["label_printed", "label_reprinted"])))
      .orderBy(asc(itemEvents.id));

  it("without a network printer: answers the PDF to print in the browser, whose text has the Korean name; logs print then reprint", async () => {
    const db = use();
    const itemId = await receivedKoreanUnit();
    const first = await printDocument(db, operator, { scanId: scanId(), kind: "item_labels", input: { itemIds: [itemId] } });
    expect(first.result).toMatchObject({ via: "browser", pages: 1 });
    if (first.result.via !== "browser") throw new Error("unreachable");
    const url = new URL(first.result.pdfUrl, "http://x");
    expect(url.pathname).toBe("/api/station/print/pdf");
    const doc = await loadPrintDocument(db, operator, url.searchParams.get("kind")!, JSON.parse(url.searchParams.get("input")!));
    const [page] = await pdfPageTexts(await renderPdf(doc));
    expect(page).toContain("무신사 스탠다드 캐시미어 코트");
    // Reading the document records nothing; printing again is a reprint.
    expect((await labelEvents(itemId)).map((e) => e.action)).toEqual(["label_printed"]);
    await printDocument(db, operator, { scanId: scanId(), kind: "item_labels", input: { itemIds: [itemId] } });
    expect((await labelEvents(itemId)).map((e) => [e.action, e.station, (e.details as { format: string }).format])).toEqual([
      ["label_printed", "RCV-07", "pdf"],
      ["label_reprinted", "RCV-07", "pdf"],
    ]);
  });

  it("with a network printer: sends the font once, then exactly the label's ZPL over TCP; one log row per print; a repeat sends nothing", async () => {
    const db = use();
    await expect(setStationPrinter(db, operator, { station: "RCV-07", host: "127.0.0.1", port: printer.port })).rejects.toMatchObject({ code: "forbidden:role" });
    await setStationPrinter(db, manager, { station: "RCV-07", host: "127.0.0.1", port: printer.port });
    const itemId = await receivedKoreanUnit();
    const expected = Buffer.from(renderZpl(await loadPrintDocument(db, operator, "item_labels", { itemIds: [itemId] })), "utf8");
    expect(expected.toString("utf8")).toContain("^FH^FD무신사 스탠다드 캐시미어 코트^FS");
    printer.jobs.length = 0;

    const id = scanId();
    const first = await printDocument(db, operator, { scanId: id, kind: "item_labels", input: { itemIds: [itemId] } });
    expect(first.result).toEqual({ via: "printer", printer: `127.0.0.1:${printer.port}`, pages: 1 });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0].equals(Buffer.concat([zplFontDownload(), expected]))).toBe(true);
    const [row] = await db.select().from(stationPrinters).where(eq(stationPrinters.station, "RCV-07"));
    expect(row.fontSentAt).not.toBeNull();

    expect((await printDocument(db, operator, { scanId: id, kind: "item_labels", input: { itemIds: [itemId] } })).repeated).toBe(true);
    expect(printer.jobs).toHaveLength(1);

    await printDocument(db, operator, { scanId: scanId(), kind: "item_labels", input: { itemIds: [itemId] } });
    expect(printer.jobs).toHaveLength(2);
    expect(printer.jobs[1].equals(expected)).toBe(true);
    expect((await labelEvents(itemId)).map((e) => [e.action, (e.details as { printer: string }).printer])).toEqual([
      ["label_printed", `127.0.0.1:${printer.port}`],
      ["label_reprinted", `127.0.0.1:${printer.port}`],
    ]);
    // Another station of the center still prints in the browser.
    const other = { ...operator, station: "RCV-08" };
    expect((await printDocument(db, other, { scanId: scanId(), kind: "item_labels", input: { itemIds: [itemId] } })).result.via).toBe("browser");
    await removeStationPrinter(db, manager, "RCV-07");
  });

  it("a printer that does not answer is refused with its address and logs nothing; the retry prints once", async () => {
    const db = use();
    const dead = await closedPort();
    await setStationPrinter(db, manager, { station: "RCV-07", host: "127.0.0.1", port: dead });
    const itemId = await receivedKoreanUnit();
    await expect(printDocument(db, operator, { scanId: scanId(), kind: "item_labels", input: { itemIds: [itemId] } })).rejects.toMatchObject({
      code: "conflict:printer_unreachable",
      details: { printer: `127.0.0.1:${dead}` },
    });
    expect(await labelEvents(itemId)).toHaveLength(0);
    const [row] = await db.select().from(stationPrinters).where(eq(stationPrinters.station, "RCV-07"));
    expect(row.fontSentAt).toBeNull();

    // The printer comes back (here: the station is pointed at one that answers) and the retry prints.
    await setStationPrinter(db, manager, { station: "RCV-07", host: "127.0.0.1", port: printer.port });
    printer.jobs.length = 0;
    await printDocument(db, operator, { scanId: scanId(), kind: "item_labels", input: { itemIds: [itemId] } });
    expect(printer.jobs).toHaveLength(1);
    expect((await labelEvents(itemId)).map((e) => e.action)).toEqual(["label_printed"]);
    await removeStationPrinter(db, manager, "RCV-07");
  });

  it("refuses unknown kinds, bad input and foreign items", async () => {
    const db = use();
    await expect(printDocument(db, operator, { scanId: scanId(), kind: "nope" as "item_labels", input: {} })).rejects.toMatchObject({ code: "validation" });
    await expect(printDocument(db, operator, { scanId: scanId(), kind: "item_labels", input: { itemIds: [] } })).rejects.toMatchObject({ code: "validation" });
    await expect(loadPrintDocument(db, operator, "item_labels", { itemIds: ["x"] })).rejects.toMatchObject({ code: "validation" });
    const stranger = await staffContext(db, (await createCenter(db)).id);
    const itemId = await receivedKoreanUnit();
    await expect(loadPrintDocument(db, stranger, "item_labels", { itemIds: [itemId] })).rejects.toMatchObject({ code: "not_found:item" });
  });
});

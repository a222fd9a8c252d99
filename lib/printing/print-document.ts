import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { stationPrinters } from "@/db/schema";
import { requireRole } from "@/lib/auth/require-role";
import type { StaffContext } from "@/lib/auth/staff-context";
import { parseInput } from "@/lib/errors/parse-input";
import type { LabelDocument } from "@/lib/labels/label-document";
import { renderZpl, zplFontDownload } from "@/lib/labels/render-zpl";
import { withScanId, type ScanOutcome } from "@/lib/scans/with-scan-id";
import type { PrintJob } from "./print-job";
import { printJobs, printKinds, type PrintKind } from "./print-jobs";
import { sendToPrinter } from "./send-to-printer";
import { findStationPrinter } from "./station-printers";

export const printRequestSchema = z.object({
  scanId: z.string().trim().min(1).max(200),
  kind: z.enum(printKinds),
  input: z.unknown(),
});

export type PrintResult =
  /** No network printer at this station: fetch `pdfUrl` and print it with the browser's dialog. */
  | { via: "browser"; pdfUrl: string; pages: number }
  /** Sent to the station's network printer, which took every byte. */
  | { via: "printer"; printer: string; pages: number };

/**
 * Prints a job at the calling station (ctx.station), once per scan id, in one transaction:
 * with a network printer, the ZPL (preceded by the label font the first time) goes to the printer
 * and the print is recorded only when the printer took it; a printer that does not answer is
 * refused with `conflict:printer_unreachable` and nothing is recorded, so a retry (new scan id)
 * logs exactly one print. Without one, the print is recorded and the browser prints the PDF.
 */
export async function printDocument(db: Db, ctx: StaffContext, request: z.input<typeof printRequestSchema>): Promise<ScanOutcome<PrintResult>> {
  const { scanId, kind, input } = parseInput(printRequestSchema, request);
  // One job per kind; its input is parsed by its own schema just below.
  const job = printJobs[kind] as PrintJob<unknown>;
  requireRole(ctx, job.roles, "Your role cannot print this.");
  const data = parseInput(job.input, input);
  return withScanId(db, { scanId, userId: ctx.userId, kind: `print:${kind}` }, async (tx) => {
    const printer = await findStationPrinter(tx, ctx.centerId, ctx.station);
    const doc = await job.load(tx, ctx, data);
    const pages = doc.pages.reduce((n, p) => n + Math.max(1, p.copies ?? 1), 0);
    if (!printer) {
      await job.record(tx, ctx, data, { format: "pdf", printer: null });
      return { via: "browser", pdfUrl: printPdfUrl(kind, data), pages };
    }
    const zpl = Buffer.from(renderZpl(doc, { dotsPerMm: printer.dotsPerMm }), "utf8");
    await sendToPrinter(printer, printer.fontSentAt ? zpl : Buffer.concat([zplFontDownload(), zpl]));
    if (!printer.fontSentAt) await tx.update(stationPrinters).set({ fontSentAt: new Date() }).where(eq(stationPrinters.id, printer.id));
    const name = `${printer.host}:${printer.port}`;
    await job.record(tx, ctx, data, { format: "zpl", printer: name });
    return { via: "printer", printer: name, pages };
  });
}

/** The document of a print job, read only (the GET the browser prints from; ZPL downloads). */
export async function loadPrintDocument(q: Queryable, ctx: StaffContext, kind: string, input: unknown): Promise<LabelDocument> {
  const parsedKind = parseInput(z.enum(printKinds), kind);
  const job = printJobs[parsedKind] as PrintJob<unknown>;
  requireRole(ctx, job.roles, "Your role cannot print this.");
  return job.load(q, ctx, parseInput(job.input, input));
}

export function printPdfUrl(kind: PrintKind, input: unknown): string {
  return `/api/station/print/pdf?${new URLSearchParams({ kind, input: JSON.stringify(input) })}`;
}

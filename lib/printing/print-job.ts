import type { z } from "zod";
import type { Queryable, Tx } from "@/db/client";
import type { Role } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { LabelDocument } from "@/lib/labels/label-document";

/** How a print went out: a PDF for the browser's print dialog, or ZPL to a network printer. */
export type PrintVia = { format: "pdf" | "zpl"; printer: string | null };

/**
 * One kind of printable thing (item labels, bin labels, shipping labels, slips, manifests).
 * Register it in print-jobs.ts; the station's print button, the POST /api/station/print route and
 * the GET of the PDF then work for it with no more code.
 */
export type PrintJob<I> = {
  /** Who may print it (managers and admins pass any floor role, see requireRole). */
  roles: readonly Role[];
  /** The job's input, sent by the client as JSON (ids, options); validated before use. */
  input: z.ZodType<I>;
  /** What to print, for this center. Reads only: it also serves the PDF the browser fetches. */
  load(q: Queryable, ctx: StaffContext, input: I): Promise<LabelDocument>;
  /** Records one real print (audit rows), inside the print's transaction. */
  record(tx: Tx, ctx: StaffContext, input: I, via: PrintVia): Promise<void>;
};

/** Keeps the input type of a job's functions tied to its schema. */
export function definePrintJob<I>(job: PrintJob<I>): PrintJob<I> {
  return job;
}

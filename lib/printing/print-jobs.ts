import { manifestJob, packingSlipJob, shippingLabelJob } from "@/lib/dispatch/print-jobs";
import { itemLabelJob } from "@/lib/labels/item-label-job";
import { binLabelJob } from "@/lib/storage/bin-labels";
import type { PrintJob } from "./print-job";

// Each job ties its own input type to its functions; the table only needs them to be jobs.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPrintJob = PrintJob<any>;

/**
 * Everything a station can print, by kind. Add yours here (one line): e.g. `bin_labels`,
 * `shipping_label`, `packing_slip`, `manifest`. The kind is what the client names in usePrint.
 */
export const printJobs = {
  item_labels: itemLabelJob,
  shipping_label: shippingLabelJob,
  packing_slip: packingSlipJob,
  manifest: manifestJob,
  bin_labels: binLabelJob,
} satisfies Record<string, AnyPrintJob>;

export type PrintKind = keyof typeof printJobs;
export const printKinds = Object.keys(printJobs) as [PrintKind, ...PrintKind[]];

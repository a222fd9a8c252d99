import type { PrintKind } from "@/lib/printing/print-jobs";

/** The ZPL of a print job as a file (read only; nothing is logged). */
export function printZplUrl(kind: PrintKind, input: unknown): string {
  return `/api/station/print/zpl?${new URLSearchParams({ kind, input: JSON.stringify(input) })}`;
}

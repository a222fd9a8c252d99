"use client";

import { useMutation } from "@tanstack/react-query";
import { apiFetch, newScanId } from "@/components/http/api-fetch";
import type { PrintResult } from "@/lib/printing/print-document";
import type { PrintKind } from "@/lib/printing/print-jobs";
import { printPdfInPage } from "./print-pdf-in-page";

export type PrintRequest = { kind: PrintKind; input: unknown };

/**
 * Prints a job at this station: the server sends ZPL to the station's network printer, or answers
 * with a PDF that is printed here through the browser's dialog. Each attempt has its own scan id,
 * so `retry` after a printer that did not answer prints (and logs) exactly once.
 */
export function usePrint(options: { onPrinted?: (result: PrintResult, request: PrintRequest) => void } = {}) {
  const mutation = useMutation({
    mutationFn: async (request: PrintRequest) => {
      const result = await apiFetch<PrintResult>("/api/station/print", { body: { scanId: newScanId(), ...request } });
      if (result.via === "browser") await printPdfInPage(result.pdfUrl);
      return result;
    },
    onSuccess: (result, request) => options.onPrinted?.(result, request),
  });
  return {
    print: (request: PrintRequest) => mutation.mutate(request),
    retry: () => mutation.variables && mutation.mutate(mutation.variables),
    busy: mutation.isPending,
    error: mutation.error,
    result: mutation.data,
  };
}

"use client";

import { classifyScan, type ClassifiedScan } from "@/lib/scan-codes/classify";
import { useScanHandler, useScanner, type ScanFeedback } from "./scanner-provider";

type Answer = Promise<ScanFeedback> | ScanFeedback;
type Kind = Exclude<ClassifiedScan["kind"], "invalid">;

/** What each kind of code means on a page; a kind left out gets the default answer. */
export type ScanRoutes = {
  [K in Kind]?: (scan: Extract<ClassifiedScan, { kind: K }>, scanId: string) => Answer;
};

/**
 * The page-level "what does a scan mean here" (storage and dispatch pages: use this):
 *
 *   useScanRoutes({
 *     bin: (scan) => putInto(scan.code),          // the bin for the item in hand
 *     item: (scan, scanId) => pickItem(scan.code, scanId),
 *   });
 *
 * A malformed code is answered with its reason; any kind the page does not list gets `other`
 * when given (a station's "scan a bin or an item here"), else the default (an item label opens the
 * item, a bin its page, a parcel receiving for an operator, anything else a clear "cannot be used
 * here"), so no scan is ever met with silence.
 */
export function useScanRoutes(routes: ScanRoutes, other?: (scan: Exclude<ClassifiedScan, { kind: "invalid" }>) => Answer) {
  const { defaultAnswer } = useScanner();
  useScanHandler((code, scanId) => {
    const scan = classifyScan(code);
    if (scan.kind !== "invalid") {
      const route = routes[scan.kind] as ((s: ClassifiedScan, id: string) => Answer) | undefined;
      if (route) return route(scan, scanId);
      if (other) return other(scan);
    }
    return defaultAnswer(scan, code);
  });
}

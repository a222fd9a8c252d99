"use client";

import type { QueryKey } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import { useStationAction } from "@/components/station/use-station-action";

/**
 * Button actions of the dispatch stations, on the shared station action (one scan id per intent
 * reused on retries, busy state, the answer with sound, colour and text in the user's language,
 * refreshed queries). Scans from the scanner carry their own scan id (see useScanHandler).
 */
export function useDispatchAction(invalidate: QueryKey[] = []) {
  const action = useStationAction({ invalidate });
  const { run: runAction } = action;
  const run = useCallback(
    <T,>(intent: string, request: (scanId: string) => Promise<T>, onDone?: (result: T) => ScanFeedback | null) => runAction(intent, request, { answer: onDone }),
    [runAction],
  );
  return { run, busy: action.busy, answer: action.answer, tell: action.tell };
}

"use client";

import type { QueryKey } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import { useStationAction, type OfflinePlan } from "@/components/station/use-station-action";

/**
 * The dispatch stations' actions, on the shared station action (one scan id per intent reused on
 * retries, busy state, the answer with sound, colour and text in the user's language, refreshed
 * queries): `run` for buttons (the answer is `answer`, which DispatchStationFrame shows in the scan
 * panel with the scans'), `scan` for scanner handlers (the scanner shows and sounds the answer; one
 * intent per physical scan). With an `offline` plan the
 * action is kept on the device while the network is away and sent in order when it is back.
 */
export function useDispatchAction(invalidate: QueryKey[] = []) {
  const action = useStationAction({ invalidate });
  const { run: runAction } = action;
  const run = useCallback(
    <T,>(intent: string, request: (scanId: string) => Promise<T>, onDone?: (result: T) => ScanFeedback | null, offline?: OfflinePlan) =>
      runAction(intent, request, { answer: onDone, offline }),
    [runAction],
  );
  const { runScan } = action;
  const scan = useCallback(
    <T,>(scanId: string, request: (scanId: string) => Promise<T>, onDone: (result: T) => ScanFeedback, offline?: OfflinePlan) =>
      runScan(`scan:${scanId}`, request, { answer: onDone, answerIn: "scanner", offline }),
    [runScan],
  );
  return { run, scan, busy: action.busy, answer: action.answer, tell: action.tell };
}

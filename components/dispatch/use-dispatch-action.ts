"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { ApiError, newScanId } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { playFeedback } from "@/components/scanner/feedback-sound";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";

/**
 * Button actions of the dispatch stations: one scan id per intent (reused when the answer was lost,
 * so a retry does the work once), busy state, and the answer with sound, colour and text in the
 * user's language. Scans from the scanner carry their own scan id (see useScanHandler).
 */
export function useDispatchAction(invalidate: QueryKey[] = []) {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const ids = useRef(new Map<string, string>());
  const [busy, setBusy] = useState<string | null>(null);
  const [answer, setAnswer] = useState<ScanFeedback | null>(null);

  const tell = useCallback((feedback: ScanFeedback | null) => {
    if (feedback) playFeedback(feedback.tone);
    setAnswer(feedback);
  }, []);

  const run = useCallback(
    async <T,>(intent: string, request: (scanId: string) => Promise<T>, onDone?: (result: T) => ScanFeedback | null): Promise<T | undefined> => {
      let scanId = ids.current.get(intent);
      if (!scanId) ids.current.set(intent, (scanId = newScanId()));
      setBusy(intent);
      try {
        const result = await request(scanId);
        ids.current.delete(intent);
        tell(onDone ? onDone(result) : null);
        await Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
        return result;
      } catch (error) {
        // A refusal is final: the next press is a new intent. A lost answer keeps the id.
        if (error instanceof ApiError && error.status !== 0 && error.status < 500) ids.current.delete(intent);
        tell({ tone: "error", message: errorText(error) });
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [errorText, invalidate, queryClient, tell],
  );

  return { run, busy, answer, tell, errorText };
}

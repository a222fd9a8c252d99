"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { playFeedback } from "@/components/scanner/feedback-sound";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import { IntentScanIds, stationMutationOptions, type StationVariables } from "./station-action-core";

type Outcome<T> = { result: T | undefined; feedback: ScanFeedback | null };

export type ActionOptions<T> = {
  /** The answer to show (and sound) on success; null shows nothing. */
  answer?: (result: T) => ScanFeedback | null;
  /** Handles a refusal itself (e.g. per-field messages); return null to show nothing more. */
  refused?: (error: unknown, text: string) => ScanFeedback | null;
  /** Queries to refresh after success (on top of the hook's own). */
  invalidate?: QueryKey[];
  /**
   * Leave the answer to the caller: no sound, and `answer` (the page's own) stays as it is. For
   * scan handlers, whose answer the scanner shows and sounds itself (a second beep, a second text).
   */
  quiet?: boolean;
};

/**
 * THE way a station screen changes something (storage and dispatch: copy this pattern):
 *
 *   const action = useStationAction({ invalidate: [["putaway-queue"]] });
 *   action.run(`putaway:${itemId}`, (scanId) => apiFetch("/api/station/…", { body: { scanId, … } }), {
 *     answer: (r) => ({ tone: "success", message: t("answers.stored", { bin: r.bin }) }),
 *   });
 *   <ActionAnswer answer={action.answer} />   ·   disabled={action.busy !== null}
 *
 * - one scan id per intent (first argument), reused on every retry: network error, timeout,
 *   5xx (retried twice automatically, then again when the person presses again), double Enter
 *   (a second run of an intent still in flight joins the first instead of sending again);
 * - busy state (`busy` = the running intent), answer with sound + colour + text, refusals in
 *   the user's language (errors.* texts from the code + params);
 * - refreshes the given React Query keys after success.
 * The route takes `scanId` in its body and wraps its work in withScanId (lib/scans/with-scan-id.ts).
 */
export function useStationAction(defaults: { invalidate?: QueryKey[] } = {}) {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const ids = useRef(new IntentScanIds());
  const inFlight = useRef(new Map<string, Promise<unknown>>());
  const [busy, setBusy] = useState<string | null>(null);
  const [answer, setAnswer] = useState<ScanFeedback | null>(null);
  const { mutateAsync } = useMutation<unknown, unknown, StationVariables<unknown>>(stationMutationOptions());

  const tell = useCallback((feedback: ScanFeedback | null) => {
    if (feedback) playFeedback(feedback.tone);
    setAnswer(feedback);
  }, []);

  const execute = useCallback(
    <T,>(intent: string, request: (scanId: string) => Promise<T>, options: ActionOptions<T> = {}): Promise<Outcome<T>> => {
      const running = inFlight.current.get(intent);
      if (running) return running as Promise<Outcome<T>>;
      setBusy(intent);
      const scanId = ids.current.idFor(intent);
      const promise = mutateAsync({ intent, scanId, request } as StationVariables<unknown>)
        .then(async (result): Promise<Outcome<T>> => {
          ids.current.settle(intent);
          const feedback = options.answer ? options.answer(result as T) : null;
          if (!options.quiet) tell(feedback);
          const keys = [...(defaults.invalidate ?? []), ...(options.invalidate ?? [])];
          await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
          return { result: result as T, feedback };
        })
        .catch((error: unknown): Outcome<T> => {
          ids.current.settle(intent, error);
          const text = errorText(error);
          const feedback: ScanFeedback | null = options.refused ? options.refused(error, text) : { tone: "error", message: text };
          if (!options.quiet) tell(feedback);
          return { result: undefined, feedback };
        })
        .finally(() => {
          inFlight.current.delete(intent);
          setBusy((current) => (current === intent ? null : current));
        });
      inFlight.current.set(intent, promise);
      return promise;
    },
    [errorText, mutateAsync, queryClient, tell, defaults.invalidate],
  );

  /** Runs an action; resolves to its result, or undefined when it was refused or failed. */
  const run = useCallback(
    async <T,>(intent: string, request: (scanId: string) => Promise<T>, options?: ActionOptions<T>) => (await execute(intent, request, options)).result,
    [execute],
  );
  /** For scan handlers: resolves to the answer the scanner panel shows (and the page showed). */
  const runScan = useCallback(
    async <T,>(intent: string, request: (scanId: string) => Promise<T>, options?: ActionOptions<T>): Promise<ScanFeedback> =>
      (await execute(intent, request, options)).feedback ?? { tone: "success", message: "✓" },
    [execute],
  );

  return { run, runScan, busy, answer, tell, clear: () => setAnswer(null) };
}

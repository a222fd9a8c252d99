"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useOfflineQueue } from "@/components/offline/offline-queue-provider";
import { playFeedback } from "@/components/scanner/feedback-sound";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import { isNetworkStatus, type QueuedFile, type QueuedScan, type QueuedSummary } from "@/lib/offline/queued-scan";
import { IntentScanIds, stationMutationOptions, type StationVariables } from "./station-action-core";

type Outcome<T> = { result: T | undefined; feedback: ScanFeedback | null; queued?: QueuedScan };

/**
 * How an action is kept on the device when the network is away (lib/offline): the request as data
 * — the station route and its JSON body, without the scan id — and its line in the queue list.
 * Give it only to actions the server can judge later (a confirmation of a scanned unit, a verdict,
 * a checklist point); what needs the server's answer to go on (a claim, a bin suggestion) leaves it
 * out and says, offline, that it must wait.
 */
export type OfflinePlan = {
  url: string;
  body: Record<string, unknown>;
  /** An upload: the file, sent as multipart form data with `body` as its fields (kept in IndexedDB). */
  file?: QueuedFile;
  /** A message key (with its namespace, e.g. "receiving.queued.unit") and params. */
  summary: QueuedSummary;
};

/** See ActionOptions.answerIn. */
export type AnswerPlace = "page" | "scanner" | "both";

export type ActionOptions<T> = {
  /** The answer to show (and sound) on success; null shows nothing. */
  answer?: (result: T) => ScanFeedback | null;
  /** Handles a refusal itself (e.g. per-field messages); return null to show nothing more. */
  refused?: (error: unknown, text: string) => ScanFeedback | null;
  /** Queries to refresh after success (on top of the hook's own). */
  invalidate?: QueryKey[];
  /**
   * Where the action's answer goes (its text and colour, and its sound):
   * - "page" (the default): the page shows it (`answer` below) and sounds it;
   * - "scanner": a scan handler's answer, which the scanner panel shows and sounds itself (one beep,
   *   one text); the page's `answer` stays as it is;
   * - "both": the scanner sounds it and shows it, and the page shows it in its own alert as well
   *   (no second sound).
   */
  answerIn?: AnswerPlace;
  /** Keep the action in the offline queue when there is no network (see OfflinePlan). */
  offline?: OfflinePlan;
};

/** The station page an action is made on (the first segment of the path): receive, inspect, putaway, … */
function currentStation(): string {
  return typeof window === "undefined" ? "server" : (window.location.pathname.split("/")[1] || "home");
}

/**
 * THE way a station screen changes something (storage and dispatch: copy this pattern):
 *
 *   const action = useStationAction({ invalidate: [["putaway-queue"]] });
 *   const body = { itemId, bin };
 *   action.run(`putaway:${itemId}`, (scanId) => apiFetch("/api/station/…", { body, scanId }), {
 *     answer: (r) => ({ tone: "success", message: t("answers.stored", { bin: r.bin }) }),
 *     offline: { url: "/api/station/…", body, summary: { key: "storage.queued.putaway", params: { … } } },
 *   });
 *   <ActionAnswer answer={action.answer} />   ·   disabled={action.busy !== null}
 *
 * - one scan id per intent (first argument), reused on every retry: network error, timeout,
 *   5xx (retried twice automatically, then again when the person presses again), double Enter
 *   (a second run of an intent still in flight joins the first instead of sending again);
 * - busy state (`busy` = the running intent), answer with sound + colour + text, refusals in
 *   the user's language (errors.* texts from the code + params);
 * - refreshes the given React Query keys after success;
 * - with `offline`: while the browser is offline, when the request gets no answer, or while
 *   earlier actions still wait in the queue (order), the action goes into the device's durable
 *   queue under the same scan id and the screen answers "queued" (its own sound and blue). The
 *   queue replays in order when the network is back; the screen, if still open, then gets the
 *   answer (`answer` runs for its side effects) or the refusal.
 * The route takes `scanId` in its body and wraps its work in withScanId (lib/scans/with-scan-id.ts).
 */
export function useStationAction(defaults: { invalidate?: QueryKey[] } = {}) {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const t = useTranslations("offline");
  const queue = useOfflineQueue();
  const ids = useRef(new IntentScanIds());
  const inFlight = useRef(new Map<string, Promise<unknown>>());
  const unsubscribes = useRef(new Set<() => void>());
  const [busy, setBusy] = useState<string | null>(null);
  const [answer, setAnswer] = useState<ScanFeedback | null>(null);
  const { mutateAsync } = useMutation<unknown, unknown, StationVariables<unknown>>(stationMutationOptions());

  useEffect(() => {
    const subscriptions = unsubscribes.current;
    return () => subscriptions.forEach((unsubscribe) => unsubscribe());
  }, []);

  const tell = useCallback((feedback: ScanFeedback | null, muted = false) => {
    if (feedback && !muted) playFeedback(feedback.tone);
    setAnswer(feedback);
  }, []);

  /** Gives an action's answer to the page, with or without its sound, or leaves it to the scanner (ActionOptions.answerIn). */
  const reply = useCallback(
    (options: ActionOptions<never>, feedback: ScanFeedback | null) => {
      const place = options.answerIn ?? "page";
      if (place !== "scanner") tell(feedback, place === "both");
    },
    [tell],
  );

  const refreshAfter = useCallback(
    async (options: ActionOptions<never>) => {
      const keys = [...(defaults.invalidate ?? []), ...(options.invalidate ?? [])];
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    [defaults.invalidate, queryClient],
  );

  /** Puts the action in the device's queue and answers "queued"; the replay's answer comes back here. */
  const keep = useCallback(
    async <T,>(intent: string, scanId: string, options: ActionOptions<T>, plan: OfflinePlan): Promise<Outcome<T>> => {
      if (!queue) throw new Error("no offline queue");
      const scan = queue.pendingFor(intent) ?? (await queue.enqueue({ scanId, intent, station: currentStation(), request: { url: plan.url, body: plan.body, file: plan.file }, summary: plan.summary }));
      const feedback: ScanFeedback = { tone: "queued", message: t("answers.queued", { count: Math.max(1, queue.waitingCount()) }) };
      const unsubscribe = queue.onSettled(scan.scanId, (_settled, outcome) => {
        unsubscribes.current.delete(unsubscribe);
        ids.current.settle(intent);
        if (outcome.kind === "done") {
          // The screen catches up (its own state), quietly: the person may be on the next scan by now.
          options.answer?.(outcome.result as T);
          void refreshAfter(options as ActionOptions<never>);
        } else if (outcome.kind === "refused") {
          const error = new ApiError(outcome.error.code, "", outcome.error.status, outcome.error.params);
          setAnswer({ tone: "error", message: t("answers.refusedOnReplay", { reason: errorText(error) }) });
        }
      });
      unsubscribes.current.add(unsubscribe);
      reply(options as ActionOptions<never>, feedback);
      return { result: undefined, feedback, queued: scan };
    },
    [queue, t, reply, errorText, refreshAfter],
  );

  const execute = useCallback(
    <T,>(intent: string, request: (scanId: string) => Promise<T>, options: ActionOptions<T> = {}): Promise<Outcome<T>> => {
      const running = inFlight.current.get(intent);
      if (running) return running as Promise<Outcome<T>>;
      setBusy(intent);
      const scanId = ids.current.idFor(intent);
      const plan = queue ? options.offline : undefined;
      // Offline, or behind scans still waiting (nothing may overtake them): straight into the queue.
      const queueFirst = plan && (!navigator.onLine || queue?.hasWaiting() || queue?.pendingFor(intent));
      const attempt: Promise<Outcome<T>> = queueFirst
        ? keep(intent, scanId, options, plan)
        : mutateAsync({ intent, scanId, request } as StationVariables<unknown>).then(async (result): Promise<Outcome<T>> => {
            ids.current.settle(intent);
            const feedback = options.answer ? options.answer(result as T) : null;
            reply(options as ActionOptions<never>, feedback);
            await refreshAfter(options as ActionOptions<never>);
            return { result: result as T, feedback };
          });
      const promise = attempt
        .catch((error: unknown): Promise<Outcome<T>> | Outcome<T> => {
          // No answer: kept with the same scan id (the server may have done it; the replay then gets that answer).
          if (plan && error instanceof ApiError && isNetworkStatus(error.status)) return keep(intent, scanId, options, plan);
          ids.current.settle(intent, error);
          // Offline, an action that needs the server's answer says it must wait (rather than "no answer").
          const mustWait = !plan && error instanceof ApiError && error.status === 0 && !navigator.onLine;
          const text = mustWait ? t("answers.mustWait") : errorText(error);
          const feedback: ScanFeedback | null = options.refused ? options.refused(error, text) : { tone: "error", message: text };
          reply(options as ActionOptions<never>, feedback);
          return { result: undefined, feedback };
        })
        .catch((error: unknown): Outcome<T> => {
          // The queue itself failed (storage full, IndexedDB gone): say so, nothing was kept.
          const feedback: ScanFeedback = { tone: "error", message: errorText(error) };
          reply(options as ActionOptions<never>, feedback);
          return { result: undefined, feedback };
        })
        .finally(() => {
          inFlight.current.delete(intent);
          setBusy((current) => (current === intent ? null : current));
        });
      inFlight.current.set(intent, promise);
      return promise;
    },
    [errorText, mutateAsync, reply, queue, keep, refreshAfter, t],
  );

  /** Runs an action; resolves to its result, or undefined when it was refused, failed or queued. */
  const run = useCallback(
    async <T,>(intent: string, request: (scanId: string) => Promise<T>, options?: ActionOptions<T>) => (await execute(intent, request, options)).result,
    [execute],
  );
  /** Runs an action and tells how it went: `result` (done), `queued` (kept offline), or neither (refused). */
  const attempt = useCallback(
    async <T,>(intent: string, request: (scanId: string) => Promise<T>, options?: ActionOptions<T>) => {
      const { result, queued } = await execute(intent, request, options);
      return { result, queued: queued !== undefined };
    },
    [execute],
  );
  /** For scan handlers: resolves to the answer the scanner panel shows (and the page showed). */
  const runScan = useCallback(
    async <T,>(intent: string, request: (scanId: string) => Promise<T>, options?: ActionOptions<T>): Promise<ScanFeedback> =>
      (await execute(intent, request, options)).feedback ?? { tone: "success", message: "✓" },
    [execute],
  );

  return { run, attempt, runScan, busy, answer, tell, clear: () => setAnswer(null) };
}

"use client";

import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/http/api-fetch";
import type { ScanFeedback } from "@/components/scanner/scanner-provider";
import { ActionAnswer } from "./action-answer";
import { useStationAction } from "./use-station-action";

type ActionButtonProps<T> = {
  /** The intent: one scan id per intent, reused by retries (see useStationAction). */
  intent: string;
  /** The station route it posts to (with `body` and the scan id). */
  url: string;
  body?: Record<string, unknown>;
  label: string;
  /** Asked with window.confirm first; nothing is sent if the person says no. */
  confirm?: string;
  danger?: boolean;
  testId?: string;
  /** The answer on success; without it only a refusal is shown. */
  answer?: (result: T) => ScanFeedback | null;
};

/** One button that runs one station action on a desk or admin page, then refreshes the page's server data. */
export function ActionButton<T = unknown>({ intent, url, body = {}, label, confirm, danger = false, testId, answer }: ActionButtonProps<T>) {
  const router = useRouter();
  const action = useStationAction();
  return (
    <div className="row">
      <button
        type="button"
        className={danger ? "button button--danger" : "button"}
        data-testid={testId}
        disabled={action.busy !== null}
        onClick={async () => {
          if (confirm !== undefined && !window.confirm(confirm)) return;
          const done = await action.run(intent, (scanId) => apiFetch<T>(url, { body, scanId }), { answer });
          if (done) router.refresh();
        }}
      >
        {label}
      </button>
      <ActionAnswer answer={action.answer} />
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/http/api-fetch";
import { useStationAction } from "@/components/station/use-station-action";

/**
 * The desk's admin forms on the shared station action: one scan id per intent (the same form sent
 * again after a lost answer changes things once), busy state, the refusal in the user's language,
 * and the page refreshed after a change.
 */
export function useAdminCall() {
  const router = useRouter();
  const action = useStationAction();
  function call<T>(url: string, init: { method?: string; body?: unknown }, doneText?: string): Promise<T | undefined> {
    const method = init.method ?? "POST";
    return action.run(`${method} ${url} ${JSON.stringify(init.body ?? null)}`, (scanId) => apiFetch<T>(url, { ...init, scanId }), {
      answer: () => {
        router.refresh();
        return doneText ? { tone: "success", message: doneText } : null;
      },
    });
  }
  const answer = action.answer;
  return {
    call,
    pending: action.busy !== null,
    error: answer?.tone === "error" ? answer.message : null,
    done: answer && answer.tone !== "error" ? answer.message : null,
  };
}

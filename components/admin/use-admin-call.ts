"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/http/api-fetch";
import { useErrorText } from "@/components/i18n/use-error-text";

/** One admin call at a time: busy state, the refusal in the user's language, page refresh after. */
export function useAdminCall() {
  const router = useRouter();
  const errorText = useErrorText();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function call<T>(url: string, init: { method?: string; body?: unknown }, doneText?: string): Promise<T | null> {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const answer = await apiFetch<T>(url, init);
      if (doneText) setDone(doneText);
      router.refresh();
      return answer;
    } catch (e) {
      setError(errorText(e));
      return null;
    } finally {
      setPending(false);
    }
  }
  return { call, pending, error, done };
}

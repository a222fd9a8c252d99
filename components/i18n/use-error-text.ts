"use client";

import { useLocale, useMessages, useTimeZone } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/components/http/api-fetch";
import { renderErrorText, type RenderableError } from "@/lib/i18n/error-text";

export function toRenderableError(error: unknown): RenderableError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, params: error.params };
  if (error instanceof Error && error.name === "AbortError") return { code: "network" };
  return { code: "generic", message: error instanceof Error ? error.message : undefined };
}

/** `(error) => text`: any refusal (ApiError code + params) in the user's language. */
export function useErrorText(): (error: unknown) => string {
  const messages = useMessages();
  const locale = useLocale();
  const timeZone = useTimeZone();
  return useCallback(
    (error: unknown) => {
      const render = (e: ReturnType<typeof toRenderableError>) => renderErrorText(messages as Record<string, unknown>, locale, e, timeZone);
      const main = toRenderableError(error);
      // A refusal for several reasons (no reason AND no photo) names each of them.
      const reasons = error instanceof ApiError ? [...new Set(error.fields.map((f) => f.code).filter((c) => c.includes(":")))] : [];
      if (reasons.length > 1) return reasons.map((code) => render({ code, params: main.params })).join(" ");
      return render(main);
    },
    [messages, locale, timeZone],
  );
}

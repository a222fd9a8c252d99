"use client";

import { useLocale, useMessages, useTimeZone } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/components/http/api-fetch";
import { DomainError } from "@/lib/errors/domain-error";
import { renderErrorText, type RenderableError } from "@/lib/i18n/error-text";

/** Params that can be shown: strings and numbers (a DomainError's details may hold more). */
function shownParams(details: Record<string, unknown> | undefined): Record<string, string | number> {
  return Object.fromEntries(Object.entries(details ?? {}).filter((e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number"));
}

/**
 * What to render for anything thrown or handed over: a server's refusal (ApiError), a refusal made
 * in the browser (a DomainError, or a `{ code, params }` such as the scanner's answer to a malformed
 * code), a timeout; anything else is the generic text.
 */
export function toRenderableError(error: unknown): RenderableError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, params: error.params };
  if (error instanceof DomainError) return { code: error.code, message: error.message, params: shownParams(error.details) };
  if (isRenderable(error)) return { code: error.code, message: error.message, params: shownParams(error.params) };
  if (error instanceof Error && error.name === "AbortError") return { code: "network" };
  return { code: "generic", message: error instanceof Error ? error.message : undefined };
}

function isRenderable(value: unknown): value is { code: string; message?: string; params?: Record<string, unknown> } {
  return typeof value === "object" && value !== null && !(value instanceof Error) && typeof (value as { code?: unknown }).code === "string";
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

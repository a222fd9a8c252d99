"use client";

import { useMessages, useTranslations } from "next-intl";
import { useCallback } from "react";
import { translatedParams } from "@/lib/i18n/error-text";
import type { QueuedError, QueuedSummary } from "@/lib/offline/queued-scan";

function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** A queued scan's line in the user's language (its params that are codes, e.g. a verdict, translated too). */
export function useSummaryText(): (summary: QueuedSummary) => string {
  const t = useTranslations();
  const messages = useMessages() as Record<string, unknown>;
  return useCallback(
    (summary: QueuedSummary) => {
      const values: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(summary.params)) {
        const ns = translatedParams[name];
        const text = ns && typeof value === "string" ? lookup(messages, `${ns}.${value}`) : undefined;
        values[name] = typeof text === "string" ? text : value;
      }
      return typeof lookup(messages, summary.key) === "string" ? t(summary.key, values) : t("offline.summary.generic");
    },
    [t, messages],
  );
}

/** What the person can do about a refusal, by the kind of its code (conflict, not_found, …). */
export function todoKey(error: QueuedError | undefined): string {
  const kind = error?.code.split(":")[0] ?? "";
  return ["conflict", "not_found", "validation", "forbidden", "unauthorized"].includes(kind) ? kind : "default";
}

import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";

// A NUL byte (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its partner (not
// encodable as UTF-8: PostgreSQL would refuse it or it would be stored as U+FFFD).
const unsafeText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when a string holds a NUL byte or a lone surrogate. */
export function isUnsafeText(value: string): boolean {
  return unsafeText.test(value);
}

/**
 * The path (e.g. "items.0.sku") of the first string, or object key, in a parsed input that holds a
 * NUL byte or a lone surrogate; null when every string is safe. Walks JSON-like values only.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === "string") return isUnsafeText(value) ? path.join(".") || "(value)" : null;
  if (depth > 64 || value === null || typeof value !== "object") return null;
  // Arrays too: their entries are [index, element].
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (isUnsafeText(key)) return [...path, "(key)"].join(".");
    const found = findUnsafeText(inner, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * The wrappers' guard (staffRoute, apiRoute, photo uploads): any NUL byte or lone surrogate anywhere
 * in the body, path params or query is refused with 422 before a schema or the database sees it.
 */
export function refuseUnsafeText(value: unknown, where: "body" | "path" | "query" | "form"): void {
  const found = findUnsafeText(value);
  if (found !== null) {
    throw new DomainError("validation:text", `${where}${found === "(value)" ? "" : `.${found}`}: text may not contain NUL bytes or unpaired surrogates.`);
  }
}

/**
 * Text for schemas: trimmed, between `min` and `max` characters, with no NUL byte or lone surrogate
 * (the wrappers refuse those already; this keeps a schema safe when called from elsewhere).
 */
export function boundedText(max: number, options: { min?: number; trim?: boolean } = {}) {
  const base = options.trim === false ? z.string() : z.string().trim();
  return base
    .min(options.min ?? 0)
    .max(max)
    .refine((s) => !isUnsafeText(s), { message: "Text may not contain NUL bytes or unpaired surrogates." });
}

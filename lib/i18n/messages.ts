import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./config";

/**
 * Every screen text, read from `messages/<locale>/*.json`. Adding a file needs NO change here:
 *
 * - `common.json`            → its top-level keys as they are (`app`, `nav`, `states`, …)
 * - `errors.json`, `errors-<area>.json` (e.g. `errors-storage.json`) → all merged into the
 *   `errors` namespace. Key = a DomainError code with ":" replaced by "." (conflict:bin_full →
 *   `{"conflict": {"bin_full": "Bin {bin} is full."}}`); a bare kind (`"validation"`) uses
 *   `<kind>.default`. ICU params come from the DomainError's third argument (`details`); the
 *   screens translate the params `state`/`from`/`to`, `action`, `verdict`, `kind`, `role` through
 *   `states`, `actions`, `verdicts`, `scanKinds`, `roles` before formatting.
 *   lib/i18n/error-texts.test.ts fails on any code thrown in lib/ or app/ without en and ko text.
 * - any other `<area>.json`  → the namespace `<area>` (`storage.json` → `t("storage.…")`).
 *
 * Two files defining the same key is an error (so one area cannot silently overwrite another).
 */
export type Messages = Record<string, unknown>;

type Tree = Record<string, unknown>;

const cache = new Map<Locale, Messages>();

function isTree(value: unknown): value is Tree {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Merges `source` into `target`; a leaf defined twice throws, naming the key and file. */
export function mergeInto(target: Tree, source: Tree, file: string, at = ""): void {
  for (const [key, value] of Object.entries(source)) {
    const where = at ? `${at}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) target[key] = isTree(value) ? structuredClone(value) : value;
    else if (isTree(existing) && isTree(value)) mergeInto(existing, value, file, where);
    else throw new Error(`messages: "${where}" in ${file} is already defined by another file`);
  }
}

/** The namespace a message file goes into ("" = top level). */
export function namespaceOf(fileName: string): string {
  const base = fileName.replace(/\.json$/, "");
  if (base === "common") return "";
  if (base === "errors" || base.startsWith("errors-")) return "errors";
  return base;
}

export function loadMessages(locale: Locale): Messages {
  const result: Tree = {};
  // Statically scoped to messages/ so the build traces (and ships) exactly that folder.
  const files = readdirSync(path.join(process.cwd(), "messages", locale))
    .filter((f) => f.endsWith(".json"))
    .sort();
  for (const file of files) {
    const data = JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, file), "utf8")) as Tree;
    const ns = namespaceOf(file);
    mergeInto(result, ns ? { [ns]: data } : data, `messages/${locale}/${file}`);
  }
  return result;
}

export function messagesFor(locale: Locale): Messages {
  let messages = cache.get(locale);
  if (!messages) cache.set(locale, (messages = loadMessages(locale)));
  return messages;
}

import { createTranslator } from "next-intl";

/** A refusal as the screens receive it: `{error:{code,message,params}}` from a staff route. */
export type RenderableError = { code: string; message?: string; params?: Record<string, string | number> };

type Tree = Record<string, unknown>;

/** Params holding a code that is itself shown translated, and where its names live. */
export const translatedParams: Record<string, string> = {
  state: "states",
  from: "states",
  to: "states",
  action: "actions",
  verdict: "inspection.verdicts",
  kind: "scanKinds",
  role: "roles",
  type: "orderTypes",
};

function lookup(messages: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Tree)[part] : undefined), messages);
}

/**
 * The `errors` key for a code: `conflict:item_state` → `conflict.item_state`; a bare kind
 * (`validation`) → `validation.default`; a few client-side codes (`network`, `generic`,
 * `internal`) are top-level keys.
 */
export function errorKey(code: string): string {
  const [kind, detail] = code.split(":");
  if (detail) return `${kind}.${detail}`;
  return ["network", "generic", "internal"].includes(kind) ? kind : `${kind}.default`;
}

export function hasErrorText(messages: Tree, code: string): boolean {
  return typeof lookup(messages, `errors.${errorKey(code)}`) === "string";
}

/**
 * Renders a refusal in the user's language from its code and params. Falls back to the kind's
 * default text, then the server's English message, then a generic text (a unit test makes sure
 * every code thrown in the code base has its own text, so the fallbacks are a last resort).
 */
export function renderErrorText(messages: Tree, locale: string, error: RenderableError, timeZone?: string): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    const ns = translatedParams[name];
    const text = ns && typeof value === "string" ? lookup(messages, `${ns}.${value}`) : undefined;
    values[name] = typeof text === "string" ? text : value;
  }
  let failed = false;
  const t = createTranslator({
    locale,
    messages: { errors: (messages.errors ?? {}) as Tree },
    namespace: "errors",
    timeZone,
    onError: () => {
      failed = true;
    },
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const attempt = (key: string) => {
    if (typeof lookup(messages, `errors.${key}`) !== "string") return null;
    failed = false;
    const text = t(key, values);
    return failed ? null : text;
  };
  const [kind] = error.code.split(":");
  return (
    attempt(errorKey(error.code)) ??
    (error.message && locale === "en" ? error.message : null) ??
    attempt(`${kind}.default`) ??
    attempt("generic") ??
    error.message ??
    error.code
  );
}

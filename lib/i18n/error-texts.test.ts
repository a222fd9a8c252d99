import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorKey, hasErrorText, renderErrorText } from "./error-text";
import { loadMessages, mergeInto, namespaceOf } from "./messages";

const root = process.cwd();
const en = loadMessages("en");
const ko = loadMessages("ko");

const codePattern = /["'`]((?:validation|unauthorized|forbidden|not_found|conflict|too_large|locked|bad_request)(?::[a-z0-9_]+)?)["'`]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every error code written as a string literal in lib/, app/ and components/, with where it is. */
function codesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of ["lib", "app", "components"].flatMap((d) => sourceFiles(path.join(root, d)))) {
    for (const match of readFileSync(file, "utf8").matchAll(codePattern)) {
      if (!found.has(match[1])) found.set(match[1], path.relative(root, file));
    }
  }
  return found;
}

function leaves(tree: unknown, at = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === "string") out.set(at, tree);
  else if (tree && typeof tree === "object") {
    for (const [k, v] of Object.entries(tree)) for (const [key, text] of leaves(v, at ? `${at}.${k}` : k)) out.set(key, text);
  }
  return out;
}

/** The ICU argument names of a message ({item}, {reason, select, …}). */
function argsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*([a-zA-Z_]\w*)\s*[,}]/g)].map((m) => m[1]))].sort();
}

describe("error texts", () => {
  const codes = codesInSource();

  it("finds the codes thrown in the code base", () => {
    expect(codes.has("conflict:item_state")).toBe(true);
    expect(codes.has("validation:photo_type")).toBe(true);
    expect(codes.size).toBeGreaterThan(40);
  });

  it.each(["en", "ko"] as const)("gives every error code thrown in lib/, app/ and components/ a text in %s", (locale) => {
    const messages = locale === "en" ? en : ko;
    const missing = [...codes].filter(([code]) => !hasErrorText(messages, code));
    const advice = missing.map(([code, file]) => {
      const [kind, detail] = errorKey(code).split(".");
      return `  ${code} (thrown in ${file}): add {"${kind}": {"${detail}": "…"}}`;
    });
    expect(
      missing.map(([code]) => code),
      `Error codes without ${locale} text. Add them to messages/en/errors-<your area>.json AND messages/ko/errors-<your area>.json ` +
        `(any messages/<locale>/errors*.json is merged into the "errors" namespace; ICU params come from the DomainError's details):\n${advice.join("\n")}`,
    ).toEqual([]);
  });

  it("has the same error keys and the same ICU params in English and Korean", () => {
    const enLeaves = leaves(en.errors);
    const koLeaves = leaves(ko.errors);
    expect([...koLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
    for (const [key, text] of enLeaves) expect(argsOf(koLeaves.get(key)!), `errors.${key}`).toEqual(argsOf(text));
  });

  it("renders a transition refusal in Korean with the item, state and action translated", () => {
    const text = renderErrorText(ko, "ko", {
      code: "conflict:item_state",
      message: "IT7K3M9Q2XW4P is stored; cannot pack it (only from awaiting pack).",
      params: { item: "IT7K3M9Q2XW4P", state: "stored", action: "pack", type: "storage" },
    });
    expect(text).toBe("IT7K3M9Q2XW4P은(는) 현재 ‘보관 중’ 상태라 ‘포장’ 작업을 할 수 없습니다.");
    expect(renderErrorText(en, "en", { code: "conflict:item_state", params: { item: "IT1", state: "stored", action: "pack" } })).toBe(
      "IT1 is Stored: “Pack” is not possible now.",
    );
  });

  it("renders select params (why a scan was refused) and bare kinds", () => {
    expect(renderErrorText(ko, "ko", { code: "validation:scan", params: { reason: "wrong_kind", kind: "bin", code: "BIN-A-01-01-1" } })).toBe(
      "빈(bin) 코드입니다. 입고에서는 택배 송장번호를 스캔하세요.",
    );
    expect(renderErrorText(ko, "ko", { code: "validation", message: "points.1.key: Invalid" })).toBe(
      "입력값이 올바르지 않은 항목이 있습니다. 확인하고 다시 시도하세요.",
    );
    expect(renderErrorText(ko, "ko", { code: "network" })).toContain("서버 응답이 없습니다");
  });

  it("falls back to the kind's text, never to English, when a Korean text lacks its params or a code is unknown", () => {
    expect(renderErrorText(ko, "ko", { code: "conflict:item_state", message: "English" })).toBe("방금 다른 사람이 변경했습니다. 다시 확인하고 시도하세요.");
    expect(renderErrorText(ko, "ko", { code: "conflict:no_such_code", message: "English" })).toBe(ko.errors && "방금 다른 사람이 변경했습니다. 다시 확인하고 시도하세요.");
    expect(renderErrorText(en, "en", { code: "conflict:no_such_code", message: "English text" })).toBe("English text");
  });
});

describe("message loader", () => {
  it("puts errors*.json into errors, common.json at the top and other files under their name", () => {
    expect(namespaceOf("errors.json")).toBe("errors");
    expect(namespaceOf("errors-storage.json")).toBe("errors");
    expect(namespaceOf("common.json")).toBe("");
    expect(namespaceOf("storage.json")).toBe("storage");
    expect((ko.receiving as Record<string, unknown>).title).toBe("입고");
  });

  it("refuses a key defined by two files", () => {
    const target = { errors: { conflict: { bin_full: "a" } } };
    expect(() => mergeInto(target, { errors: { conflict: { bin_full: "b" } } }, "errors-x.json")).toThrow(/errors.conflict.bin_full/);
    mergeInto(target, { errors: { conflict: { tote_full: "c" } } }, "errors-y.json");
    expect(target.errors.conflict).toEqual({ bin_full: "a", tote_full: "c" });
  });
});

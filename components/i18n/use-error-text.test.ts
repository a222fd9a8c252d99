import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/http/api-fetch";
import { DomainError } from "@/lib/errors/domain-error";
import { renderErrorText } from "@/lib/i18n/error-text";
import { loadMessages } from "@/lib/i18n/messages";
import { toRenderableError } from "./use-error-text";

const ko = loadMessages("ko");
const en = loadMessages("en");
const scanRefusal = { code: "validation:scan", params: { reason: "item_check", kind: "item", code: "IT0000000000X" } };

describe("toRenderableError", () => {
  it("keeps a refusal made in the browser ({ code, params }: the scanner's answer to a malformed code)", () => {
    expect(toRenderableError(scanRefusal)).toEqual({ code: "validation:scan", message: undefined, params: scanRefusal.params });
    // What the station shows: the specific refusal in the user's language, never the generic text.
    expect(renderErrorText(ko, "ko", toRenderableError(scanRefusal))).toBe("IT0000000000X은(는) 올바른 상품 라벨이 아닙니다(확인 문자가 틀림). 라벨을 다시 스캔하거나 코드를 확인하세요.");
    expect(renderErrorText(en, "en", toRenderableError({ code: "validation:scan", params: { reason: "format", kind: "bin", code: "BIN-A-" } }))).toBe("BIN-A- is not a valid bin code.");
  });

  it("keeps a DomainError thrown in the browser, with the params it can show", () => {
    const error = new DomainError("validation:scan", "English", { reason: "format", kind: "badge", code: "EMP-X", extra: { nested: true } });
    expect(toRenderableError(error)).toEqual({ code: "validation:scan", message: "English", params: { reason: "format", kind: "badge", code: "EMP-X" } });
    expect(renderErrorText(ko, "ko", toRenderableError(error))).toBe("EMP-X은(는) 올바른 직원 배지 코드가 아닙니다.");
  });

  it("a server's refusal, a timeout and anything else", () => {
    const api = new ApiError("conflict:bin_full", "Bin full", 409, { bin: "BIN-A-01-01-1" });
    expect(toRenderableError(api)).toMatchObject({ code: "conflict:bin_full", params: { bin: "BIN-A-01-01-1" } });
    expect(toRenderableError(Object.assign(new Error("aborted"), { name: "AbortError" }))).toEqual({ code: "network" });
    expect(toRenderableError(new Error("boom"))).toEqual({ code: "generic", message: "boom" });
    expect(toRenderableError("text")).toEqual({ code: "generic", message: undefined });
    expect(toRenderableError(null)).toEqual({ code: "generic", message: undefined });
  });
});

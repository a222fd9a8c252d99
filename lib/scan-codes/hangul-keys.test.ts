import { describe, expect, it } from "vitest";
import { containsHangul, hangulToLatin } from "./hangul-keys";

describe("hangulToLatin", () => {
  it("maps jamo typed key by key back to the Latin keys (as in DESIGN.md)", () => {
    expect(hangulToLatin("ㅑㅆ")).toBe("IT");
    expect(hangulToLatin("ㅃ")).toBe("Q");
    // IT7K3M9Q2XW4P typed with Korean IME on, one jamo per key
    expect(hangulToLatin("ㅑㅆ7ㅏ3ㅡ9ㅃ2ㅌㅈ4ㅔ")).toBe("IT7K3M9Q2XW4P");
  });

  it("decomposes syllables the IME composed from consecutive keys", () => {
    // B I N typed under 두벌식: ㅠ ㅑ ㅜ — vowels do not compose without an initial; "EMP": ㄷㅡㅔ → 드 + ㅔ
    expect(hangulToLatin("ㅠㅑㅜ-ㅁ-03")).toBe("BIN-A-03");
    expect(hangulToLatin("드ㅔ-1042")).toBe("EMP-1042");
    // T O T E: ㅅ ㅐ ㅅ ㄷ → 샛 + ㄷ
    expect(hangulToLatin("샛ㄷ-7")).toBe("TOTE-7");
    // compound vowel and final cluster: 뷁 = ㅂ ㅞ ㄺ = Q N P F R
    expect(hangulToLatin("뷁")).toBe("QNPFR");
  });

  it("leaves Latin text and digits alone and detects Hangul", () => {
    expect(hangulToLatin("1Z999AA10123456784")).toBe("1Z999AA10123456784");
    expect(containsHangul("ㅑㅆ123")).toBe(true);
    expect(containsHangul("IT123")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { containsHangul, hangulToLatin, keysForChar } from "./hangul-keys";

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

/** 두벌식 as printed on a Korean keyboard: each jamo and the Latin key it sits on. */
const layout: [string, string][] = [
  ["ㅂ", "Q"], ["ㅈ", "W"], ["ㄷ", "E"], ["ㄱ", "R"], ["ㅅ", "T"], ["ㅛ", "Y"], ["ㅕ", "U"], ["ㅑ", "I"], ["ㅐ", "O"], ["ㅔ", "P"],
  ["ㅁ", "A"], ["ㄴ", "S"], ["ㅇ", "D"], ["ㄹ", "F"], ["ㅎ", "G"], ["ㅗ", "H"], ["ㅓ", "J"], ["ㅏ", "K"], ["ㅣ", "L"],
  ["ㅋ", "Z"], ["ㅌ", "X"], ["ㅊ", "C"], ["ㅍ", "V"], ["ㅠ", "B"], ["ㅜ", "N"], ["ㅡ", "M"],
  // Shift
  ["ㅃ", "Q"], ["ㅉ", "W"], ["ㄸ", "E"], ["ㄲ", "R"], ["ㅆ", "T"], ["ㅒ", "O"], ["ㅖ", "P"],
  // Two keys each
  ["ㅘ", "HK"], ["ㅙ", "HO"], ["ㅚ", "HL"], ["ㅝ", "NJ"], ["ㅞ", "NP"], ["ㅟ", "NL"], ["ㅢ", "ML"],
  ["ㄳ", "RT"], ["ㄵ", "SW"], ["ㄶ", "SG"], ["ㄺ", "FR"], ["ㄻ", "FA"], ["ㄼ", "FQ"], ["ㄽ", "FT"], ["ㄾ", "FX"], ["ㄿ", "FV"], ["ㅀ", "FG"], ["ㅄ", "QT"],
];

describe("keysForChar: every key of the Korean layout", () => {
  it.each(layout)("%s is typed with %s", (jamo, keys) => {
    expect(keysForChar(jamo)).toBe(keys);
    expect(hangulToLatin(`${jamo}1`)).toBe(`${keys}1`);
  });

  it("decomposes every initial, medial and final of composed syllables", () => {
    // 가 (first syllable), 힣 (last syllable), and one syllable per final consonant position
    expect(keysForChar("가")).toBe("RK");
    expect(keysForChar("힣")).toBe("GLG");
    expect(keysForChar("각")).toBe("RKR");
    expect(keysForChar("갛")).toBe("RKG");
    expect(keysForChar("까")).toBe("RK");
    expect(keysForChar("빠")).toBe("QK");
    expect(keysForChar("\uabff")).toBe("\uabff"); // just before the syllable block
    expect(keysForChar("\ud7a4")).toBe("\ud7a4"); // just after it
  });

  it("passes other characters through and knows Hangul from other scripts", () => {
    expect(keysForChar("7")).toBe("7");
    expect(keysForChar("-")).toBe("-");
    expect(keysForChar("ー")).toBe("ー");
    expect(containsHangul("ᄀ")).toBe(true); // conjoining jamo block
    expect(containsHangul("가")).toBe(true);
    expect(containsHangul("힣")).toBe(true);
    expect(containsHangul("ㆎ")).toBe(true); // end of the compatibility jamo block
    expect(containsHangul("カ")).toBe(false);
    expect(containsHangul("")).toBe(false);
  });
});

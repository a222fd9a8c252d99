/**
 * Korean stations often have the Korean input method on; a scanner's keys then arrive as Hangul
 * jamo (두벌식 layout), possibly composed into syllables. This maps them back to the Latin keys
 * that were pressed. Codes are upper case, so ambiguous jamo map to upper-case letters.
 */
const jamoToKeys: Record<string, string> = {
  ㅂ: "Q", ㅈ: "W", ㄷ: "E", ㄱ: "R", ㅅ: "T", ㅛ: "Y", ㅕ: "U", ㅑ: "I", ㅐ: "O", ㅔ: "P",
  ㅁ: "A", ㄴ: "S", ㅇ: "D", ㄹ: "F", ㅎ: "G", ㅗ: "H", ㅓ: "J", ㅏ: "K", ㅣ: "L",
  ㅋ: "Z", ㅌ: "X", ㅊ: "C", ㅍ: "V", ㅠ: "B", ㅜ: "N", ㅡ: "M",
  // Shifted keys
  ㅃ: "Q", ㅉ: "W", ㄸ: "E", ㄲ: "R", ㅆ: "T", ㅒ: "O", ㅖ: "P",
  // Compound vowels and final clusters are typed as two keys
  ㅘ: "HK", ㅙ: "HO", ㅚ: "HL", ㅝ: "NJ", ㅞ: "NP", ㅟ: "NL", ㅢ: "ML",
  ㄳ: "RT", ㄵ: "SW", ㄶ: "SG", ㄺ: "FR", ㄻ: "FA", ㄼ: "FQ", ㄽ: "FT", ㄾ: "FX", ㄿ: "FV", ㅀ: "FG", ㅄ: "QT",
};

const initials = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
const medials = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ";
const finals = ["", ..."ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"];

function decomposeSyllable(ch: string): string[] | null {
  const offset = ch.charCodeAt(0) - 0xac00;
  if (offset < 0 || offset > 11171) return null;
  const initial = initials[Math.floor(offset / 588)];
  const medial = medials[Math.floor((offset % 588) / 28)];
  const final = finals[offset % 28];
  return [initial, medial, final].filter(Boolean);
}

/** Keys for one character typed under the Korean layout; other characters pass through. */
export function keysForChar(ch: string): string {
  if (jamoToKeys[ch]) return jamoToKeys[ch];
  const parts = decomposeSyllable(ch);
  if (parts) return parts.map((p) => jamoToKeys[p] ?? p).join("");
  return ch;
}

/** Converts text typed with the Korean input method on back to what the scanner meant. */
export function hangulToLatin(text: string): string {
  return Array.from(text).map(keysForChar).join("");
}

export function containsHangul(text: string): boolean {
  return /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(text);
}

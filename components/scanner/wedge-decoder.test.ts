import { describe, expect, it } from "vitest";
import { charForKey, WedgeDecoder, type KeyInput } from "./wedge-decoder";

/** Key events as a scanner sends them: Shift around capitals, `gap` ms apart, then `end`. */
function scannerKeys(text: string, start = 1000, gap = 8, end: string[] = ["Enter"]): KeyInput[] {
  const events: KeyInput[] = [];
  let t = start;
  for (const ch of text) {
    const upper = /[A-Z]/.test(ch);
    const code = /[A-Za-z]/.test(ch) ? `Key${ch.toUpperCase()}` : /\d/.test(ch) ? `Digit${ch}` : ch === "-" ? "Minus" : "";
    if (upper) events.push({ key: "Shift", code: "ShiftLeft", shiftKey: true, timeStamp: t });
    events.push({ key: ch, code, shiftKey: upper, timeStamp: (t += 1) });
    t += gap;
  }
  for (const key of end) events.push({ key, code: key, shiftKey: false, timeStamp: (t += gap) });
  return events;
}

function feedAll(decoder: WedgeDecoder, events: KeyInput[]): string[] {
  return events.map((e) => decoder.feed(e)).filter((s): s is string => s !== null);
}

describe("WedgeDecoder", () => {
  it("recognises a fast scan ending with Enter, Tab or CR+LF", () => {
    expect(feedAll(new WedgeDecoder(), scannerKeys("IT7K3M9Q2XW4P"))).toEqual(["IT7K3M9Q2XW4P"]);
    expect(feedAll(new WedgeDecoder(), scannerKeys("BIN-A-03-02-1", 0, 5, ["Tab"]))).toEqual(["BIN-A-03-02-1"]);
    expect(feedAll(new WedgeDecoder(), scannerKeys("EMP-1042", 0, 3, ["Enter", "Enter"]))).toEqual(["EMP-1042"]);
  });

  it("ignores a person typing at human speed", () => {
    expect(feedAll(new WedgeDecoder(), scannerKeys("IT7K3M9Q2XW4P", 0, 140))).toEqual([]);
  });

  it("reads the physical key when the Korean input method turns letters into jamo", () => {
    const events = scannerKeys("IT7K").map((e) =>
      e.code.startsWith("Key") ? { ...e, key: e.code === "KeyI" ? "ㅑ" : e.code === "KeyT" ? "ㅆ" : "ㅏ" } : e,
    );
    expect(feedAll(new WedgeDecoder(), events)).toEqual(["IT7K"]);
  });

  it("keeps capitals sent without Shift (Caps Lock, or a scanner in upper-case mode)", () => {
    const events = scannerKeys("IT7K").filter((e) => e.key !== "Shift").map((e) => ({ ...e, shiftKey: false }));
    expect(feedAll(new WedgeDecoder(), events)).toEqual(["IT7K"]);
  });

  it("maps jamo when the physical key is not reported", () => {
    const events = scannerKeys("IT12").map((e) => (e.code.startsWith("Key") ? { ...e, code: "", key: e.key === "I" ? "ㅑ" : "ㅆ" } : e));
    expect(feedAll(new WedgeDecoder(), events)).toEqual(["IT12"]);
  });

  it("keeps a scan whose keys are fast on average though one arrives late", () => {
    const events = scannerKeys("IT7K3M9Q2XW4P", 0, 4);
    const late = events.findIndex((e) => e.key === "3");
    for (let i = late; i < events.length; i++) events[i] = { ...events[i], timeStamp: events[i].timeStamp + 150 };
    expect(feedAll(new WedgeDecoder(), events)).toEqual(["IT7K3M9Q2XW4P"]);
  });

  it("ignores fast typists too (a short word at 90 ms a key)", () => {
    expect(feedAll(new WedgeDecoder(), scannerKeys("EMP-12", 0, 90))).toEqual([]);
  });

  it("starts afresh after a pause, so stray keys before a scan do not stick to it", () => {
    const decoder = new WedgeDecoder();
    decoder.feed({ key: "x", code: "KeyX", shiftKey: false, timeStamp: 0 });
    expect(feedAll(decoder, scannerKeys("TOTE-12", 500))).toEqual(["TOTE-12"]);
  });

  it("ignores too short bursts and key chords", () => {
    expect(feedAll(new WedgeDecoder(), scannerKeys("AB"))).toEqual([]);
    const decoder = new WedgeDecoder();
    decoder.feed({ key: "c", code: "KeyC", shiftKey: false, ctrlKey: true, timeStamp: 0 });
    expect(decoder.feed({ key: "Enter", code: "Enter", shiftKey: false, timeStamp: 5 })).toBeNull();
  });
});

describe("WedgeDecoder with a station's key-gap setting", () => {
  it("takes a 90 ms a key scanner when the station allows 100 ms, and not by default", async () => {
    const { decoderOptions } = await import("./scanner-settings");
    expect(feedAll(new WedgeDecoder(decoderOptions({ gapMs: 100 })), scannerKeys("IT7K3M9Q2XW4P", 0, 90))).toEqual(["IT7K3M9Q2XW4P"]);
    expect(feedAll(new WedgeDecoder(decoderOptions({ gapMs: 45 })), scannerKeys("IT7K3M9Q2XW4P", 0, 90))).toEqual([]);
    expect(decoderOptions({ gapMs: 150 }).pauseMs).toBeGreaterThan(150);
  });

  it("tells when a key begins a new burst (so a text field's value can be kept from before it)", () => {
    const decoder = new WedgeDecoder();
    expect(decoder.startsBurst(0)).toBe(true);
    decoder.feed({ key: "A", code: "KeyA", shiftKey: true, timeStamp: 0 });
    expect(decoder.startsBurst(10)).toBe(false);
    expect(decoder.startsBurst(400)).toBe(true);
  });
});

describe("charForKey", () => {
  const key = (k: Partial<KeyInput>): KeyInput => ({ key: "", code: "", shiftKey: false, timeStamp: 0, ...k });

  it("reads digits from the digit row and the number pad, whatever the key value says", () => {
    for (let d = 0; d <= 9; d++) {
      expect(charForKey(key({ key: "Process", code: `Digit${d}` }))).toBe(String(d));
      expect(charForKey(key({ key: "Process", code: `Numpad${d}` }))).toBe(String(d));
    }
    // Shift+digit is a symbol, not the digit: taken from the key value.
    expect(charForKey(key({ key: "!", code: "Digit1", shiftKey: true }))).toBe("!");
  });

  it("reads letters from the physical key, with Shift for capitals", () => {
    expect(charForKey(key({ key: "ㅑ", code: "KeyI", shiftKey: true }))).toBe("I");
    expect(charForKey(key({ key: "ㅑ", code: "KeyI", shiftKey: false }))).toBe("i");
    expect(charForKey(key({ key: "Process", code: "KeyQ", shiftKey: true }))).toBe("Q");
    expect(charForKey(key({ key: "q", code: "KeyQ" }))).toBe("q");
    expect(charForKey(key({ key: "Q", code: "KeyQ" }))).toBe("Q");
  });

  it("reads punctuation keys by code, shifted and not", () => {
    expect(charForKey(key({ key: "Process", code: "Minus" }))).toBe("-");
    expect(charForKey(key({ key: "Process", code: "Minus", shiftKey: true }))).toBe("_");
    expect(charForKey(key({ code: "Period" }))).toBe(".");
    expect(charForKey(key({ code: "Period", shiftKey: true }))).toBe(">");
    expect(charForKey(key({ code: "Slash" }))).toBe("/");
    expect(charForKey(key({ code: "Slash", shiftKey: true }))).toBe("?");
    expect(charForKey(key({ code: "Equal" }))).toBe("=");
    expect(charForKey(key({ code: "Equal", shiftKey: true }))).toBe("+");
    expect(charForKey(key({ code: "Space" }))).toBe(" ");
    expect(charForKey(key({ code: "Space", shiftKey: true }))).toBe(" ");
  });

  it("maps jamo (or passes a character) when no physical key is reported, and ignores modifiers", () => {
    expect(charForKey(key({ key: "ㅆ" }))).toBe("T");
    expect(charForKey(key({ key: "7" }))).toBe("7");
    expect(charForKey(key({ key: "Shift", code: "ShiftLeft", shiftKey: true }))).toBeNull();
    expect(charForKey(key({ key: "Unidentified" }))).toBeNull();
  });
});

describe("WedgeDecoder edges", () => {
  it("accepts a scan at exactly the minimum length and the threshold, not below or above", () => {
    const at = (text: string, gap: number) => feedAll(new WedgeDecoder({ maxAverageGapMs: 45, pauseMs: 300, minLength: 4 }), scannerKeys(text, 0, gap));
    expect(at("ABCD", 5)).toEqual(["ABCD"]);
    expect(at("ABC", 5)).toEqual([]);
    expect(at("1234", 5)).toEqual(["1234"]);
    // average gap just under and over the limit
    expect(feedAll(new WedgeDecoder(), [
      { key: "1", code: "Digit1", shiftKey: false, timeStamp: 0 },
      { key: "2", code: "Digit2", shiftKey: false, timeStamp: 45 },
      { key: "3", code: "Digit3", shiftKey: false, timeStamp: 90 },
      { key: "4", code: "Digit4", shiftKey: false, timeStamp: 135 },
      { key: "Enter", code: "Enter", shiftKey: false, timeStamp: 180 },
    ])).toEqual(["1234"]);
    expect(feedAll(new WedgeDecoder(), [
      { key: "1", code: "Digit1", shiftKey: false, timeStamp: 0 },
      { key: "2", code: "Digit2", shiftKey: false, timeStamp: 46 },
      { key: "3", code: "Digit3", shiftKey: false, timeStamp: 92 },
      { key: "4", code: "Digit4", shiftKey: false, timeStamp: 138 },
      { key: "Enter", code: "Enter", shiftKey: false, timeStamp: 184 },
    ])).toEqual([]);
  });

  it("ends on NumpadEnter (by key or code) and resets after alt or meta chords", () => {
    const keys = scannerKeys("TOTE-99", 0, 3, []);
    const decoder = new WedgeDecoder();
    feedAll(decoder, keys);
    expect(decoder.feed({ key: "Enter", code: "NumpadEnter", shiftKey: false, timeStamp: 100 })).toBe("TOTE-99");
    const again = new WedgeDecoder();
    feedAll(again, scannerKeys("TOTE-99", 0, 3, []));
    expect(again.feed({ key: "NumpadEnter", code: "", shiftKey: false, timeStamp: 100 })).toBe("TOTE-99");
    for (const mod of ["altKey", "metaKey"] as const) {
      const d = new WedgeDecoder();
      feedAll(d, scannerKeys("TOTE-99", 0, 3, []));
      expect(d.feed({ key: "v", code: "KeyV", shiftKey: false, [mod]: true, timeStamp: 60 })).toBeNull();
      expect(d.feed({ key: "Enter", code: "Enter", shiftKey: false, timeStamp: 61 })).toBeNull();
    }
  });

  it("joins keys within the pause and starts over after it", () => {
    const d = new WedgeDecoder({ maxAverageGapMs: 1000, pauseMs: 300, minLength: 1 });
    d.feed({ key: "A", code: "KeyA", shiftKey: true, timeStamp: 0 });
    d.feed({ key: "B", code: "KeyB", shiftKey: true, timeStamp: 300 });
    expect(d.feed({ key: "Enter", code: "Enter", shiftKey: false, timeStamp: 310 })).toBe("AB");
    d.feed({ key: "A", code: "KeyA", shiftKey: true, timeStamp: 1000 });
    d.feed({ key: "B", code: "KeyB", shiftKey: true, timeStamp: 1301 });
    expect(d.feed({ key: "Enter", code: "Enter", shiftKey: false, timeStamp: 1310 })).toBe("B");
  });
});

describe("WedgeDecoder: exact key names and consecutive scans", () => {
  const key = (k: Partial<KeyInput>): KeyInput => ({ key: "Unidentified", code: "", shiftKey: false, timeStamp: 0, ...k });

  it("only takes whole key codes (KeyA, Digit1), not look-alikes", () => {
    expect(charForKey(key({ code: "KeyAB" }))).toBeNull();
    expect(charForKey(key({ code: "XKeyA" }))).toBeNull();
    expect(charForKey(key({ code: "Digit12" }))).toBeNull();
    expect(charForKey(key({ code: "XDigit1" }))).toBeNull();
    expect(charForKey(key({ code: "Numpad10" }))).toBeNull();
  });

  it("reads two scans in a row on one decoder, however long apart", () => {
    const decoder = new WedgeDecoder();
    expect(feedAll(decoder, scannerKeys("TOTE-1", 1000))).toEqual(["TOTE-1"]);
    expect(feedAll(decoder, scannerKeys("TOTE-2", 6000))).toEqual(["TOTE-2"]);
    expect(feedAll(decoder, scannerKeys("TOTE-3", 6400))).toEqual(["TOTE-3"]);
  });

  it("says a burst starts only after the pause, measured from the last key", () => {
    const decoder = new WedgeDecoder({ maxAverageGapMs: 45, pauseMs: 300, minLength: 4 });
    decoder.feed({ key: "A", code: "KeyA", shiftKey: true, timeStamp: 1000 });
    expect(decoder.startsBurst(1100)).toBe(false);
    expect(decoder.startsBurst(1300)).toBe(false);
    expect(decoder.startsBurst(1301)).toBe(true);
    decoder.reset();
    expect(decoder.startsBurst(1001)).toBe(true);
  });
});

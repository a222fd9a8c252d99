import { describe, expect, it } from "vitest";
import { WedgeDecoder, type KeyInput } from "./wedge-decoder";

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

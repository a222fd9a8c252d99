import { keysForChar } from "@/lib/scan-codes/hangul-keys";

/** The parts of a KeyboardEvent the decoder needs (so it can be tested without a DOM). */
export type KeyInput = {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  timeStamp: number;
};

const codeChars: Record<string, [string, string]> = {
  Minus: ["-", "_"],
  Period: [".", ">"],
  Slash: ["/", "?"],
  Equal: ["=", "+"],
  Space: [" ", " "],
};

/**
 * The character a key stands for, from the physical key (`code`) so that the Korean input method
 * cannot turn a scanner's letters into jamo; falls back to mapping jamo in `key`.
 */
export function charForKey(k: KeyInput): string | null {
  const letter = /^Key([A-Z])$/.exec(k.code);
  // A Latin `key` already carries Shift and Caps Lock; under the Korean IME it is a jamo (or
  // "Process"), and then the physical key plus Shift tells the letter.
  if (letter) return /^[A-Za-z]$/.test(k.key) ? k.key : k.shiftKey ? letter[1] : letter[1].toLowerCase();
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(k.code);
  if (digit && !k.shiftKey) return digit[1];
  if (codeChars[k.code]) return codeChars[k.code][k.shiftKey ? 1 : 0];
  if (k.key.length === 1) return keysForChar(k.key);
  return null;
}

const terminators = new Set(["Enter", "Tab", "NumpadEnter"]);

/**
 * Tells a scanner from a person at the same keyboard: a scanner types every key within a few
 * milliseconds of the last and ends with Enter (or Tab, or CR+LF); a person averages well over
 * 100 ms a key. The average is judged rather than every gap, so one late key (a busy tablet) does
 * not lose a scan; a long pause starts a new burst.
 */
export class WedgeDecoder {
  private buffer = "";
  private firstAt = 0;
  private lastAt = -Infinity;

  constructor(private readonly options = { maxAverageGapMs: 45, pauseMs: 300, minLength: 4 }) {}

  /** Returns the scanned code when this key completes a scan. */
  feed(k: KeyInput): string | null {
    if (k.ctrlKey || k.altKey || k.metaKey) {
      this.reset();
      return null;
    }
    if (terminators.has(k.key) || terminators.has(k.code)) {
      const averageGap = (k.timeStamp - this.firstAt) / Math.max(this.buffer.length, 1);
      const isScan = this.buffer.length >= this.options.minLength && averageGap <= this.options.maxAverageGapMs;
      const scan = isScan ? this.buffer : null;
      // CR+LF scanners send two terminators; the second finds an empty buffer and is ignored.
      this.reset();
      return scan;
    }
    const ch = charForKey(k);
    if (ch === null) return null; // Shift and other modifiers arrive between a scanner's keys.
    if (k.timeStamp - this.lastAt > this.options.pauseMs) {
      this.buffer = "";
      this.firstAt = k.timeStamp;
    }
    this.buffer += ch;
    this.lastAt = k.timeStamp;
    return null;
  }

  /** True when a key at `timeStamp` would begin a new burst (nothing pending, or after a pause). */
  startsBurst(timeStamp: number): boolean {
    return this.buffer === "" || timeStamp - this.lastAt > this.options.pauseMs;
  }

  reset() {
    this.buffer = "";
    this.lastAt = -Infinity;
  }
}

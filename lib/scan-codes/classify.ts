import { DomainError } from "@/lib/errors/domain-error";
import { parseItemCode } from "@/lib/scan-codes/item-code";
import { normalizeTrackingNumber, s10Pattern } from "./tracking-number";

export type ClassifiedScan =
  | { kind: "item"; code: string }
  | { kind: "bin"; code: string; zone: string; aisle: string; rack: string; level: string }
  | { kind: "badge"; code: string }
  | { kind: "tote"; code: string }
  | { kind: "tracking"; trackingNumber: string }
  /** Looks like one of our own codes but is malformed: tell the person, do not guess. */
  | { kind: "invalid"; looksLike: "item" | "bin" | "badge" | "tote" | "nothing"; input: string; message: string };

const binPattern = /^BIN-([A-Z0-9]+)-([A-Z0-9]+)-([A-Z0-9]+)-([A-Z0-9]+)$/;

/**
 * Routes a scanned (or typed) string by its prefix, as DESIGN.md's code table says: `IT…` item,
 * `BIN-…` bin, `EMP-…` staff badge, `TOTE-…` tote, anything else a carrier tracking number.
 *
 * An `IT` string of item-code length whose check character is wrong is reported as a bad item
 * code (a mistyped label). A string in the shape of an S10 postal tracking number
 * ("IT123456789KR" is a real kind of tracking number) is always a tracking number: item codes are
 * never generated in that shape.
 */
export function classifyScan(input: string): ClassifiedScan {
  const raw = input.trim();
  const upper = raw.toUpperCase();
  if (upper === "") return { kind: "invalid", looksLike: "nothing", input, message: "Nothing was scanned." };

  if (upper.startsWith("BIN-")) {
    const m = binPattern.exec(upper);
    if (!m) {
      return { kind: "invalid", looksLike: "bin", input: raw, message: `"${raw}" is not a valid bin code (BIN-zone-aisle-rack-level).` };
    }
    return { kind: "bin", code: upper, zone: m[1], aisle: m[2], rack: m[3], level: m[4] };
  }
  if (upper.startsWith("EMP-")) {
    if (!/^EMP-\d+$/.test(upper)) {
      return { kind: "invalid", looksLike: "badge", input: raw, message: `"${raw}" is not a valid staff badge (EMP- and digits).` };
    }
    return { kind: "badge", code: upper };
  }
  if (upper.startsWith("TOTE-")) {
    if (!/^TOTE-\d+$/.test(upper)) {
      return { kind: "invalid", looksLike: "tote", input: raw, message: `"${raw}" is not a valid tote code (TOTE- and digits).` };
    }
    return { kind: "tote", code: upper };
  }

  const trackingNumber = normalizeTrackingNumber(raw);
  // Item codes are never generated in S10 shape, so an S10 number is always a parcel.
  if (s10Pattern.test(trackingNumber)) return { kind: "tracking", trackingNumber };
  const item = parseItemCode(raw);
  if (item.ok) return { kind: "item", code: item.code };
  // Item-code shaped but failing its check (prefix, length and characters were right): a misread
  // or mistyped label, not a parcel.
  if (item.reason === "check") {
    return { kind: "invalid", looksLike: "item", input: raw, message: item.message };
  }
  return { kind: "tracking", trackingNumber };
}

/** The refusal for a malformed code, with params for the user's language (errors.validation.scan). */
export function invalidScanError(scan: Extract<ClassifiedScan, { kind: "invalid" }>): DomainError {
  const reason = scan.looksLike === "item" ? "item_check" : scan.looksLike === "nothing" ? "other" : "format";
  return new DomainError("validation:scan", scan.message, { reason, kind: scan.looksLike, code: scan.input });
}

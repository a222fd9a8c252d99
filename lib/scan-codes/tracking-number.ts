/**
 * Carrier tracking numbers as stored and compared: trimmed, upper case, without the spaces and
 * hyphens that are printed for readability ("6091-2345-6789" is scanned as "609123456789").
 * Whoever stores a tracking number (order announcement, receiving, packing) should store this form.
 */
export function normalizeTrackingNumber(input: string): string {
  return input.replace(/[\s-]/g, "").toUpperCase();
}

/** UPU S10 international mail numbers, e.g. "RR123456789KR" (two letters, 9 digits, country). */
export const s10Pattern = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

/** What one item label shows. JSON-safe (stored as a scan answer, sent to the browser). */
export type LabelData = {
  code: string;
  /** Already label-safe: see labelProductName. */
  productName: string;
  size: string;
  orderExternalId: string;
  /** ISO time of receipt; printed as a date in `timeZone`. */
  receivedAt: string;
  /** The center's IANA time zone. */
  timeZone: string;
};

/**
 * The product name as printable by PDF standard fonts and Zebra's built-in font (Latin only; no
 * Korean font ships with the app): the catalogue's English name when the SKU is known, else the
 * announced name with anything outside printable Latin-1 dropped, else the SKU.
 */
export function labelProductName(item: { productName: string; sku: string }, englishName?: string | null): string {
  const candidates = [englishName, item.productName];
  for (const name of candidates) {
    const latin = (name ?? "").replace(/[^\x20-\x7e\xa0-\xff]/g, "").replace(/\s+/g, " ").trim();
    // Keep it only if most of it survived; a half-stripped Korean name is worse than the SKU.
    if (latin.length > 0 && latin.length >= (name ?? "").trim().length * 0.6) return latin;
  }
  return item.sku;
}

/** "2025-03-07 14:05" in the given time zone. */
export function formatLabelDate(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

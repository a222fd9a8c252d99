/** What one item label shows. JSON-safe (stored as a scan answer, sent to the browser). */
export type LabelData = {
  code: string;
  /** The name printed large: the catalogue's Korean name, else the name as announced (any script). */
  productName: string;
  /** A second, smaller line: the catalogue's English name when it differs. */
  productNameEn?: string | null;
  size: string;
  orderExternalId: string;
  /** ISO time of receipt; printed as a date in `timeZone`. */
  receivedAt: string;
  /** The center's IANA time zone. */
  timeZone: string;
};

/**
 * The names a label prints: the catalogue's Korean name (or the announced name, whatever its
 * script, when the SKU is not in the catalogue), then the English name if different. The SKU only
 * when there is no name at all.
 */
export function labelProductNames(
  item: { productName: string; sku: string },
  catalogue?: { nameKo?: string | null; nameEn?: string | null } | null,
): { productName: string; productNameEn: string | null } {
  const clean = (s?: string | null) => (s ?? "").replace(/\s+/g, " ").trim();
  const primary = clean(catalogue?.nameKo) || clean(item.productName) || clean(catalogue?.nameEn) || item.sku;
  const english = clean(catalogue?.nameEn);
  return { productName: primary, productNameEn: english && english !== primary ? english : null };
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

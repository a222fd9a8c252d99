import { localParts } from "@/lib/time/local-parts";

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
  const t = localParts(timeZone, new Date(iso));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}`;
}

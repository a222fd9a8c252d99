"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useScanHandler } from "@/components/scanner/scanner-provider";
import { classifyScan } from "@/lib/scan-codes/classify";

/**
 * On desk pages a scanned item label opens that item's page, a bin label the bin's; a scanned
 * tracking number (or anything else) opens the search for it.
 */
export function DeskScanner() {
  const router = useRouter();
  const t = useTranslations("desk.scan");
  useScanHandler((code) => {
    const scan = classifyScan(code);
    if (scan.kind === "item") {
      router.push(`/items/${encodeURIComponent(scan.code)}`);
      return { tone: "success", message: t("openingItem", { code: scan.code }) };
    }
    // A bin label opens the bin (the search knows no bins), as on every other staff page.
    if (scan.kind === "bin") {
      router.push(`/bins/${encodeURIComponent(scan.code)}`);
      return { tone: "success", message: t("openingItem", { code: scan.code }) };
    }
    router.push(`/search?q=${encodeURIComponent(code)}`);
    return { tone: "success", message: t("searching", { code }) };
  });
  return null;
}

"use client";

import { useTranslations } from "next-intl";
import { PrintButton } from "@/components/printing/print-button";
import { printZplUrl } from "@/components/printing/print-urls";
import styles from "./receiving.module.css";

/**
 * Prints the item label at this station (network printer, or the browser's print dialog), and
 * offers the ZPL as a file for a printer Legit does not reach. The server logs print vs reprint.
 */
export function LabelButtons({ itemId, printed, onPrinted }: { itemId: string; printed: boolean; onPrinted: (itemId: string) => void }) {
  const t = useTranslations("receiving");
  return (
    <div className={styles.labelButtons}>
      <PrintButton kind="item_labels" input={{ itemIds: [itemId] }} primary testId="print-pdf" label={printed ? t("reprintPdf") : t("printPdf")} onPrinted={() => onPrinted(itemId)} />
      <a className="button" href={printZplUrl("item_labels", { itemIds: [itemId] })} download data-testid="print-zpl">
        {t("zpl")}
      </a>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { labelUrl } from "./label-links";
import styles from "./receiving.module.css";

/**
 * PDF (opens in a new tab for the office printer) and ZPL (downloaded for a Zebra printer). The
 * first print of a label just received is logged as a print, every later one as a reprint.
 */
export function LabelButtons({ itemId, printed, onPrinted }: { itemId: string; printed: boolean; onPrinted: (itemId: string) => void }) {
  const t = useTranslations("receiving");
  return (
    <div className={styles.labelButtons}>
      <button
        type="button"
        className="button button--primary"
        data-testid="print-pdf"
        onClick={() => {
          window.open(labelUrl("pdf", [itemId], printed), "_blank", "noopener");
          onPrinted(itemId);
        }}
      >
        {printed ? t("reprintPdf") : t("printPdf")}
      </button>
      <a className="button" href={labelUrl("zpl", [itemId], printed)} download data-testid="print-zpl" onClick={() => onPrinted(itemId)}>
        {t("zpl")}
      </a>
    </div>
  );
}

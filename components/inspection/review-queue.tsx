"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useScanner } from "@/components/scanner/scanner-provider";
import { useScanRoutes } from "@/components/scanner/use-scan-routes";
import styles from "./inspection.module.css";
import { QueueItemHeading } from "./queue-item-heading";
import { QueueHeading } from "./queue-heading";

export type ReviewRow = {
  inspectionId: string;
  itemCode: string | null;
  productName: string;
  productNameKo: string | null;
  productNameEn: string | null;
  category: string;
  size: string;
  price: number;
  type: string;
  verdict: string;
  inspectorId: string;
  inspectorName: string;
  submittedAt: string | null;
  seniorRequired: boolean;
  reviewReason: string;
};

/** Verdicts waiting for a second look, oldest first; one's own verdicts are marked. */
export function ReviewQueue({ rows, userId, isSenior }: { rows: ReviewRow[]; userId: string; isSenior: boolean }) {
  const t = useTranslations("inspection");
  const format = useFormatter();
  const router = useRouter();
  // A label of an item waiting here opens its review; anything else gets the default answer.
  const { defaultAnswer } = useScanner();
  useScanRoutes({
    item: (scan) => {
      const row = rows.find((r) => r.itemCode === scan.code);
      if (!row) return defaultAnswer(scan, scan.code);
      router.push(`/review/${row.inspectionId}`);
      return { tone: "success", message: t("review.opening", { code: scan.code }) };
    },
  });
  return (
    <div className="stack">
      <QueueHeading title={t("review.title")} count={t("review.count", { count: rows.length })} countTestId="review-count" hint={t("review.hint")} />
      {rows.length === 0 ? (
        <p className="card muted">{t("review.empty")}</p>
      ) : (
        <ul className={styles.queueList} data-testid="review-queue">
          {rows.map((row) => (
            <li key={row.inspectionId} className={styles.queueRow} data-testid="review-row" data-item-code={row.itemCode ?? ""}>
              <div className={styles.queueMain}>
                <QueueItemHeading item={row} />
                <div className={styles.queueMeta}>
                  <span className={`${styles.pill} ${row.verdict.startsWith("fail") ? styles.pillOverdue : styles.pillSoon}`}>
                    {t(`verdicts.${row.verdict}`)}
                  </span>
                  <span>
                    {t("review.by", {
                      name: row.inspectorName,
                      time: row.submittedAt ? format.dateTime(new Date(row.submittedAt), "dateTime") : "",
                    })}
                  </span>
                  <span className={styles.pill}>{t(row.reviewReason === "counterfeit" ? "review.reasonCounterfeit" : "review.reasonPrice")}</span>
                  {row.inspectorId === userId && <span className={`${styles.pill} ${styles.pillClaimed}`}>{t("review.yours")}</span>}
                  {row.seniorRequired && !isSenior && <span className={styles.pill}>{t("review.seniorOnly")}</span>}
                </div>
              </div>
              <div className={styles.queueActions}>
                <Link href={`/review/${row.inspectionId}`} className="button button--primary">
                  {t("review.open")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

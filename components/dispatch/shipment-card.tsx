"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useProductName } from "@/components/i18n/use-product-name";
import type { ShipmentView } from "./types";
import styles from "./dispatch.module.css";

/** Where a packed item goes and what goes in its box (for a return: the inspection result sheet). */
export function ShipmentCard({ shipment }: { shipment: ShipmentView }) {
  const t = useTranslations("dispatch.pack");
  const tv = useTranslations("inspection.verdicts");
  const format = useFormatter();
  const names = useProductName();
  const locale = useLocale();
  const isReturn = shipment.destination === "seller";
  const sheet = shipment.resultSheet;
  return (
    <section className={`${styles.destination} ${isReturn ? styles.destinationReturn : ""}`} data-testid="pack-shipment" data-destination={shipment.destination}>
      <div className={styles.head}>
        <span className={`${styles.pill} ${styles[`pill_${shipment.destination}`]}`}>{isReturn ? t("toSeller") : t("toBuyer")}</span>
        <span className="muted">{t(`reasons.${shipment.reason}`)}</span>
        <span className="muted">{t("shipBy", { time: format.dateTime(new Date(shipment.shipBy), { dateStyle: "short", timeStyle: "short", hourCycle: "h23" }) })}</span>
      </div>
      <p className={styles.recipient} data-testid="pack-recipient">
        {shipment.recipient.name}
      </p>
      <p className={styles.address}>{shipment.recipient.address ?? t("noAddress")}</p>
      <p>
        <strong className={styles.mono}>{shipment.itemCode}</strong> · {names.name(shipment)} · {t("size", { size: shipment.size })} · {t("order", { order: shipment.orderExternalId })}
      </p>
      {shipment.defectNote && !isReturn && <p className="alert alert--warn">{t("defectNote", { note: shipment.defectNote })}</p>}
      {isReturn && (
        <div className={styles.sheet} data-testid="pack-sheet">
          <h3>{t("inTheBox")}</h3>
          <span>{t("returnSlip")}</span>
          {sheet ? (
            <>
              <span>
                {t("verdict")}: <strong data-testid="pack-verdict">{tv.has(sheet.verdict) ? tv(sheet.verdict) : sheet.verdict}</strong>
              </span>
              <span>
                {t("reasonsLabel")}: {sheet.reasons.map((r) => (locale === "ko" ? r.labelKo : r.labelEn)).join(", ") || "—"}
              </span>
              <span data-testid="pack-photos">{t("photos", { count: sheet.photoCount })}</span>
              {sheet.note && <span>{t("note", { note: sheet.note })}</span>}
            </>
          ) : (
            <span className="muted">{t("noSheet")}</span>
          )}
          {shipment.quarantineReason && <span>{t("managerDecision", { reason: shipment.quarantineReason })}</span>}
        </div>
      )}
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useProductName } from "@/components/i18n/use-product-name";
import { LabelButtons } from "./label-buttons";
import type { UnitView } from "@/lib/receiving/wire-types";
import styles from "./receiving.module.css";

type Props = {
  unit: UnitView;
  canConfirm: boolean;
  /** Recorded missing at the parcel's close: not offered for confirming any more. */
  missing: boolean;
  busy: boolean;
  highlighted: boolean;
  printed: boolean;
  /** Its confirmation waits in the offline queue. */
  queued?: boolean;
  onConfirm: (unit: UnitView) => void;
  onPrinted: (itemId: string) => void;
};

/** One unit of an order in the parcel: what it is, its state, and the one thing to do with it. */
export function UnitRow({ unit, canConfirm, missing, busy, highlighted, printed, queued = false, onConfirm, onPrinted }: Props) {
  const t = useTranslations("receiving");
  const tAll = useTranslations();
  const waiting = unit.receivedAt === null && (unit.state === "expected" || unit.state === "cancelled");
  const names = useProductName();
  const name = names.name(unit);
  const otherName = names.other(unit);
  return (
    <li
      className={`${styles.unit} ${waiting ? "" : styles.unitDone} ${highlighted ? styles.unitHighlighted : ""}`}
      data-testid="unit"
      data-item-id={unit.itemId}
      data-state={unit.state}
    >
      <div className={styles.unitPicture}>
        {unit.imageUrl ? (
          // Catalogue pictures come from anywhere the marketplace hosts them; a plain img is enough.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={unit.imageUrl} alt="" />
        ) : (
          <span className="muted">{t("noImage")}</span>
        )}
      </div>
      <div className={styles.unitText}>
        <strong className={styles.unitName}>{name}</strong>
        {otherName && <span className="muted">{otherName}</span>}
        <span className={styles.unitMeta}>
          <span className={styles.size}>{t("size", { size: unit.size })}</span>
          {unit.sku !== "UNKNOWN" && <span className="muted">{t("sku", { sku: unit.sku })}</span>}
          <span className={`${styles.state} ${styles[`state_${unit.state}`] ?? ""}`}>{tAll(`states.${unit.state}`)}</span>
          {unit.unexpected && <span className={`${styles.state} ${styles.flag}`}>{t("unexpectedBadge")}</span>}
          {unit.returnToSeller && unit.receivedAt !== null && (
            <span className={`${styles.state} ${styles.flag}`} data-testid="flagged-for-return">
              {t("flaggedForReturn")}
            </span>
          )}
        </span>
        {waiting && unit.state === "cancelled" && <span className={styles.warnText}>{t("willReturn")}</span>}
      </div>
      <div className={styles.unitAction}>
        {waiting && missing ? (
          <span className={`${styles.state} ${styles.flag}`} data-testid="missing-at-close">
            {t("missingBadge")}
          </span>
        ) : waiting && queued ? (
          <span className="alert alert--queued" data-testid="unit-queued">
            {t("queued.unitBadge")}
          </span>
        ) : waiting ? (
          canConfirm && (
            <button type="button" className="button button--ok button--large" disabled={busy} onClick={() => onConfirm(unit)} data-testid="confirm-unit">
              {busy ? t("confirming") : t("confirm")}
            </button>
          )
        ) : unit.code ? (
          <div className={styles.received}>
            <span className="muted">{t("receivedAs")}</span>
            <code className={styles.itemCode} data-testid="item-code">
              {unit.code}
            </code>
            <LabelButtons itemId={unit.itemId} printed={printed} onPrinted={onPrinted} />
          </div>
        ) : null}
      </div>
    </li>
  );
}

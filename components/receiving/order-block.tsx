"use client";

import { useTranslations } from "next-intl";
import type { OrderView, UnitView } from "./types";
import { UnitRow } from "./unit-row";
import styles from "./receiving.module.css";

type Props = {
  order: OrderView;
  canConfirm: boolean;
  busyItem: string | null;
  highlightedItem: string | null;
  printed: ReadonlySet<string>;
  onConfirm: (unit: UnitView) => void;
  onPrinted: (itemId: string) => void;
};

/** An order expected in the parcel, with its progress and units. */
export function OrderBlock({ order, canConfirm, busyItem, highlightedItem, printed, onConfirm, onPrinted }: Props) {
  const t = useTranslations("receiving");
  return (
    <section className={styles.order} data-testid="order" data-order={order.externalId}>
      <header className={styles.orderHeader}>
        <div>
          <h2>{order.placeholder ? t("placeholderOrder") : t("order", { externalId: order.externalId })}</h2>
          {!order.placeholder && (
            <span className="muted">
              {t(`orderType.${order.type}`)} · {t("seller", { name: order.seller.name })}
            </span>
          )}
        </div>
        <div className={styles.orderCounts} data-testid="order-counts">
          {t("counts", order.counts)}
          {order.counts.unexpected > 0 && <> · {t("countsUnexpected", { count: order.counts.unexpected })}</>}
        </div>
      </header>
      {order.cancelled && <p className="alert alert--warn">{t("cancelledOrder")}</p>}
      <ul className={styles.units}>
        {order.units.map((unit) => (
          <UnitRow
            key={unit.itemId}
            unit={unit}
            canConfirm={canConfirm}
            busy={busyItem === unit.itemId}
            highlighted={highlightedItem === unit.itemId}
            printed={printed.has(unit.itemId)}
            onConfirm={onConfirm}
            onPrinted={onPrinted}
          />
        ))}
      </ul>
    </section>
  );
}

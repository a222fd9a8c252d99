"use client";

import { useTranslations } from "next-intl";
import type { OrderView, UnitView } from "@/lib/receiving/wire-types";
import { UnitRow } from "./unit-row";
import styles from "./receiving.module.css";

type Props = {
  order: OrderView;
  canConfirm: boolean;
  /** Units recorded missing at this parcel's close: nothing to confirm any more. */
  missingAtClose: ReadonlySet<string>;
  busyItem: string | null;
  highlightedItem: string | null;
  printed: ReadonlySet<string>;
  /** Units whose confirmation waits in the offline queue. */
  queued?: ReadonlySet<string>;
  onConfirm: (unit: UnitView) => void;
  onPrinted: (itemId: string) => void;
};

/** An order expected in the parcel, with its progress and units. */
export function OrderBlock({ order, canConfirm, missingAtClose, busyItem, highlightedItem, printed, queued, onConfirm, onPrinted }: Props) {
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
      {order.cancelled && (
        <p className="alert alert--warn" data-testid="cancelled-order">
          {t("cancelledOrder")}
        </p>
      )}
      <ul className={styles.units}>
        {order.units.map((unit) => (
          <UnitRow
            key={unit.itemId}
            unit={unit}
            canConfirm={canConfirm}
            missing={missingAtClose.has(unit.itemId)}
            busy={busyItem === unit.itemId}
            highlighted={highlightedItem === unit.itemId}
            printed={printed.has(unit.itemId)}
            queued={queued?.has(unit.itemId) ?? false}
            onConfirm={onConfirm}
            onPrinted={onPrinted}
          />
        ))}
      </ul>
    </section>
  );
}

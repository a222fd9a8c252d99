"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useProductName } from "@/components/i18n/use-product-name";
import type { ProductNames } from "@/lib/catalog/product-name";
import styles from "./inspection.module.css";

type QueueItem = ProductNames & { itemCode: string | null; category: string; size: string; price: number; type: string };

/** An item's row heading in the inspection and review queues: its code and name, then category, size, price and order type. */
export function QueueItemHeading({ item }: { item: QueueItem }) {
  const t = useTranslations("inspection");
  const format = useFormatter();
  const names = useProductName();
  return (
    <>
      <div className={styles.queueTitle}>
        <code>{item.itemCode}</code> · {names.name(item)}
      </div>
      <div className="muted">
        {t(`categories.${item.category}`)} · {t("size")} {item.size} · {format.number(item.price)} ₩ · {t(`orderTypes.${item.type}`)}
      </div>
    </>
  );
}

"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { otherProductName, productNameIn } from "@/lib/catalog/product-name";
import styles from "./inspection.module.css";
import type { InspectionView } from "./types";

/** The product's reference data the inspector compares the item against. */
export function ProductCard({ view, state }: { view: InspectionView; state?: string }) {
  const t = useTranslations("inspection");
  const tStates = useTranslations("states");
  const format = useFormatter();
  const locale = useLocale();
  const { item, product, order } = view;
  const names = { productName: item.productName, productNameKo: product?.nameKo, productNameEn: product?.nameEn };
  const name = productNameIn(locale, names);
  const otherName = otherProductName(locale, names);
  return (
    <section className={`card ${styles.product}`} data-testid="product-card">
      {product?.imageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={product.imageUrl} alt="" className={styles.productImage} />
      ) : (
        <div className={styles.productImage} aria-hidden>
          {t(`categories.${item.category}`)}
        </div>
      )}
      <div className={styles.productBody}>
        <div className="muted">{product?.brand ?? t("unknownProduct")}</div>
        <h2 className={styles.productName}>{name}</h2>
        {otherName && <div className="muted">{otherName}</div>}
        <dl className={styles.facts}>
          <dt>{t("itemCode")}</dt>
          <dd>
            <code>{item.code}</code>
          </dd>
          <dt>{t("sku")}</dt>
          <dd>
            <code>{item.sku}</code>
          </dd>
          <dt>{t("colour")}</dt>
          <dd>{product?.colour ?? "—"}</dd>
          <dt>{t("size")}</dt>
          <dd className={styles.factStrong}>{item.size}</dd>
          <dt>{t("price")}</dt>
          <dd>{format.number(item.price)} ₩</dd>
          <dt>{t("orderType")}</dt>
          <dd>
            {t(`orderTypes.${item.type}`)} {order ? <span className="muted">· {order.externalId}</span> : null}
          </dd>
          <dt>{t("state")}</dt>
          <dd data-testid="product-state">{tStates(state ?? item.state)}</dd>
        </dl>
      </div>
    </section>
  );
}

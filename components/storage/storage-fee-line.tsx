import { getFormatter, getTranslations } from "next-intl/server";
import type { Queryable } from "@/db/client";
import { storageFeesOf } from "@/lib/storage/storage-fees";

/** Days stored and storage fee so far (or until it left storage), as <dt>/<dd> for an item's record. */
export async function StorageFeeLine({ db, itemId }: { db: Queryable; itemId: string }) {
  const fee = (await storageFeesOf(db, [itemId])).get(itemId);
  if (!fee) return null;
  const t = await getTranslations("storage.itemFee");
  const format = await getFormatter();
  return (
    <>
      <dt>{t("title")}</dt>
      <dd data-testid="item-storage-fee">
        {t("days", {
          days: fee.days,
          chargeableDays: fee.chargeableDays,
          amount: format.number(fee.amount, { style: "currency", currency: fee.currency, maximumFractionDigits: 0 }),
        })}
      </dd>
    </>
  );
}

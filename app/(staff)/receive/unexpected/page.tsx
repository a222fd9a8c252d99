import { ItemLink } from "@/components/desk/item-link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ManagerLinks } from "@/components/receiving/manager-links";
import { ReturnUnitForm } from "@/components/receiving/return-unit-form";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { productNameIn } from "@/lib/catalog/product-name";
import { listUnexpectedUnits } from "@/lib/receiving/receive-unexpected-unit";
import styles from "@/components/receiving/receiving.module.css";
import { DataTable } from "@/components/table/data-table";
import { EmptyNote } from "@/components/table/empty-note";

export const dynamic = "force-dynamic";

/** Units found in parcels that were not announced, waiting for the manager's decision. */
export default async function UnexpectedUnitsPage() {
  const staff = await requirePageAccess("/receive/unexpected");
  const units = await listUnexpectedUnits(await getDb(), staff.center.id);
  const t = await getTranslations("receiving");
  const format = await getFormatter();
  const locale = await getLocale();
  return (
    <div className={styles.queue}>
      <ManagerLinks current="unexpected" />
      <h1>{t("unexpected.title")}</h1>
      <DataTable
        testId="unexpected-table"
        rows={units}
        empty={<EmptyNote>{t("unexpected.empty")}</EmptyNote>}
        rowKey={(u) => u.itemId}
        rowProps={(u) => ({ "data-testid": "unexpected-row", "data-code": u.code ?? "" })}
        columns={[
          { header: t("unexpected.code"), cell: (u) => <ItemLink code={u.code} id={u.itemId} /> },
          {
            header: t("unexpected.product"),
            cell: (u) => (
              <>
                <strong>{productNameIn(locale, u)}</strong> · {t("size", { size: u.size })}
                {u.sku !== "UNKNOWN" && <div className="muted">{t("sku", { sku: u.sku })}</div>}
              </>
            ),
          },
          { header: t("unexpected.received"), cell: (u) => (u.receivedAt ? format.dateTime(new Date(u.receivedAt), "dateTime") : "—") },
          { cell: (u) => <ReturnUnitForm itemId={u.itemId} code={u.code ?? ""} seller={u.seller} /> },
        ]}
      />
    </div>
  );
}

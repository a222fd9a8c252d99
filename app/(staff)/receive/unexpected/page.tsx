import { ItemLink } from "@/components/desk/item-link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ManagerLinks } from "@/components/receiving/manager-links";
import { ReturnUnitForm } from "@/components/receiving/return-unit-form";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { productNameIn } from "@/lib/catalog/product-name";
import { listUnexpectedUnits } from "@/lib/receiving/receive-unexpected-unit";
import styles from "@/components/receiving/receiving.module.css";

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
      {units.length === 0 ? (
        <p className="card muted">{t("unexpected.empty")}</p>
      ) : (
        <table className="table" data-testid="unexpected-table">
          <thead>
            <tr>
              <th>{t("unexpected.code")}</th>
              <th>{t("unexpected.product")}</th>
              <th>{t("unexpected.received")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.itemId} data-testid="unexpected-row" data-code={u.code ?? ""}>
                <td>
                  <ItemLink code={u.code} id={u.itemId} />
                </td>
                <td>
                  <strong>{productNameIn(locale, u)}</strong> · {t("size", { size: u.size })}
                  {u.sku !== "UNKNOWN" && <div className="muted">{t("sku", { sku: u.sku })}</div>}
                </td>
                <td>{u.receivedAt ? format.dateTime(new Date(u.receivedAt), "dateTime") : "—"}</td>
                <td>
                  <ReturnUnitForm itemId={u.itemId} code={u.code ?? ""} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { itemStates, type ItemState } from "@/db/schema";
import { DeskNav } from "@/components/desk/desk-nav";
import { ItemLink } from "@/components/desk/item-link";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { productNameIn } from "@/lib/catalog/product-name";
import { listItemsInState } from "@/lib/desk/list-items";
import styles from "@/components/desk/desk.module.css";

export const dynamic = "force-dynamic";

/** The items behind a dashboard count: one state, 50 a page, latest change first. */
export default async function ItemsPage({ searchParams }: { searchParams: Promise<{ state?: string; page?: string }> }) {
  const staff = await requirePageAccess("/items");
  const params = await searchParams;
  const state = (itemStates as readonly string[]).includes(params.state ?? "") ? (params.state as ItemState) : "received";
  const page = Math.max(1, Math.min(100_000, Number.parseInt(params.page ?? "1", 10) || 1));
  const list = await listItemsInState(await getDb(), staff.center.id, state, page);
  const t = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (p: number) => `/items?state=${state}&page=${p}`;
  return (
    <div className="stack">
      <DeskNav current="items" />
      <h1>
        {t(`states.${state}`)} <span className="muted">({format.number(list.total)})</span>
      </h1>
      <nav className="row" aria-label={t("desk.list.states")}>
        {itemStates.map((s) => (
          <Link key={s} href={`/items?state=${s}`} className="button" aria-current={s === state ? "page" : undefined}>
            {t(`states.${s}`)}
          </Link>
        ))}
      </nav>
      <table className="table" data-testid="items-list">
        <thead>
          <tr>
            <th>{t("desk.item")}</th>
            <th>{t("desk.itemPage.product")}</th>
            <th>{t("desk.itemPage.orderId")}</th>
            <th>{t("desk.itemPage.type")}</th>
            <th>{t("desk.itemPage.received")}</th>
            <th>{t("desk.list.changed")}</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r) => (
            <tr key={r.id} data-testid="items-row">
              <td>
                <ItemLink code={r.code} id={r.id} />
              </td>
              <td>
                {productNameIn(locale, r)} <span className="muted">{r.sku} · {r.size}</span>
              </td>
              <td>{r.orderExternalId}</td>
              <td>{t(`desk.itemPage.types.${r.type}`)}</td>
              <td>{r.receivedAt ? format.dateTime(r.receivedAt, { dateStyle: "short", timeStyle: "short" }) : "—"}</td>
              <td>{format.dateTime(r.updatedAt, { dateStyle: "short", timeStyle: "short" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.pager}>
        {page > 1 && (
          <Link className="button" href={href(page - 1)}>
            ←
          </Link>
        )}
        <span>{t("desk.list.page", { page, pages })}</span>
        {page < pages && (
          <Link className="button" href={href(page + 1)} data-testid="next-page">
            →
          </Link>
        )}
      </div>
    </div>
  );
}

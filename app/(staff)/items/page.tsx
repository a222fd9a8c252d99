import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { itemStates, type ItemState } from "@/db/schema";
import { DeskNav } from "@/components/desk/desk-nav";
import { ItemLink } from "@/components/desk/item-link";
import { ProductCell } from "@/components/desk/product-cell";
import { DataTable } from "@/components/table/data-table";
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
      <DataTable
        testId="items-list"
        rows={list.rows}
        rowKey={(r) => r.id}
        rowProps={() => ({ "data-testid": "items-row" })}
        columns={[
          { header: t("desk.item"), cell: (r) => <ItemLink code={r.code} id={r.id} /> },
          { header: t("desk.itemPage.product"), cell: (r) => <ProductCell name={productNameIn(locale, r)} sku={r.sku} size={r.size} /> },
          { header: t("desk.itemPage.orderId"), cell: (r) => r.orderExternalId },
          { header: t("desk.itemPage.type"), cell: (r) => t(`desk.itemPage.types.${r.type}`) },
          { header: t("desk.itemPage.received"), cell: (r) => (r.receivedAt ? format.dateTime(r.receivedAt, { dateStyle: "short", timeStyle: "short" }) : "—") },
          { header: t("desk.list.changed"), cell: (r) => format.dateTime(r.updatedAt, { dateStyle: "short", timeStyle: "short" }) },
        ]}
      />
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

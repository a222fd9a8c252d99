import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { DeskNav } from "@/components/desk/desk-nav";
import { ItemLink } from "@/components/desk/item-link";
import { ProductCell } from "@/components/desk/product-cell";
import { DataTable } from "@/components/table/data-table";
import { requirePageAccess } from "@/lib/auth/current-staff";
import { productNameIn } from "@/lib/catalog/product-name";
import { searchItems, searchQuerySchema } from "@/lib/desk/search-items";
import { classifyScan } from "@/lib/scan-codes/classify";

export const dynamic = "force-dynamic";

/** One box for item code, tracking number, order id, seller, product name or SKU. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const staff = await requirePageAccess("/search");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const t = await getTranslations();
  const locale = await getLocale();
  const valid = searchQuerySchema.safeParse(q);
  const started = performance.now();
  const hits = valid.success ? await searchItems(await getDb(), staff.center.id, valid.data) : [];
  const ms = Math.round(performance.now() - started);
  // A scanned or typed item code that names exactly one item goes straight to its page.
  const scan = classifyScan(q);
  if (scan.kind === "item" && hits.length === 1 && hits[0].code === scan.code) redirect(`/items/${encodeURIComponent(scan.code)}`);
  return (
    <div className="stack">
      <DeskNav current="search" query={q} />
      <h1>{q ? t("desk.search.resultsFor", { q }) : t("desk.search.title")}</h1>
      {!valid.success ? (
        <p className="muted">{t("desk.search.tooShort")}</p>
      ) : (
        <DataTable
          testId="search-results"
          rows={hits}
          empty={
            <p className="alert alert--warn" data-testid="search-empty">
              {t("desk.search.none", { q })}
            </p>
          }
          rowKey={(hit) => hit.id}
          rowProps={(hit) => ({ "data-testid": "search-hit", "data-code": hit.code ?? "" })}
          columns={[
            { header: t("desk.item"), cell: (hit) => <ItemLink code={hit.code} id={hit.id} /> },
            { header: t("desk.itemPage.product"), cell: (hit) => <ProductCell name={productNameIn(locale, hit)} sku={hit.sku} size={hit.size} /> },
            { header: t("desk.itemPage.orderId"), cell: (hit) => hit.orderExternalId },
            { header: t("desk.itemPage.seller"), cell: (hit) => hit.sellerName },
            { header: t("desk.search.state"), cell: (hit) => <Link href={`/items?state=${hit.state}`}>{t(`states.${hit.state}`)}</Link> },
            { header: t("desk.search.matchedBy"), className: "muted", cell: (hit) => hit.matchedBy.map((k) => t(`desk.search.keys.${k}`)).join(", ") },
          ]}
        />
      )}
      <p className="muted" data-testid="search-took">
        {t("desk.search.took", { ms })}
      </p>
    </div>
  );
}
